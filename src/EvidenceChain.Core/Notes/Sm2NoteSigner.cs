using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// SM2-with-SM3 note signing (GB/T 32918.2) with an explicit user ID. SM2 needs a fresh random
/// nonce k for every signature; it is drawn from the <see cref="RandomSource"/> the caller passes,
/// never from a source the core picks itself.
/// </summary>
public sealed class Sm2NoteSigner : NoteSigner
{
    public const int PrivateKeyLengthBytes = 32;

    private readonly ECPrivateKeyParameters _privateKey;
    private readonly byte[] _userId;
    private readonly RandomSource _random;
    private readonly Sm2NoteVerifier _verifier;

    /// <param name="name">The key name (the log's origin).</param>
    /// <param name="privateKey">The 32-byte big-endian scalar d, 1 ≤ d ≤ n − 2.</param>
    /// <param name="userId">The SM2 user ID; v1 keys use "1234567812345678".</param>
    /// <param name="random">Where nonces come from.</param>
    public Sm2NoteSigner(string name, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> userId, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (privateKey.Length != PrivateKeyLengthBytes)
        {
            throw Error.WrongLength(nameof(privateKey), PrivateKeyLengthBytes, privateKey.Length);
        }

        var d = new BigInteger(1, privateKey);
        if (d.SignValue <= 0 || d.CompareTo(Sm2Parameters.Domain.N.Subtract(BigInteger.Two)) > 0)
        {
            throw new ArgumentException("An SM2 private key lies between 1 and n − 2.", nameof(privateKey));
        }

        _privateKey = new ECPrivateKeyParameters(d, Sm2Parameters.Domain);
        _userId = userId.ToArray();
        _random = random;
        byte[] point = Sm2Parameters.Domain.G.Multiply(d).Normalize().GetEncoded(compressed: false);
        _verifier = Sm2NoteVerifier.Create(name, point, _userId);
    }

    public override NoteVerifier Verifier => _verifier;

    public override byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_privateKey, new RandomSourceAdapter(_random)), _userId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Feeds BouncyCastle's nonce generator from the caller's random source.</summary>
    private sealed class RandomSourceAdapter(RandomSource random) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => random(buf);

        public override void NextBytes(byte[] buf, int off, int len) => random(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer) => random(buffer);
    }
}
