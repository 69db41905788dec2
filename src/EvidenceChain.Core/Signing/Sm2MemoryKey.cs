using EvidenceChain.Core.Notes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Core.Signing;

/// <summary>
/// An SM2-with-SM3 key (GB/T 32918.2) held in process memory, signing under one user ID. SM2 needs
/// a fresh random nonce k for every signature; it is drawn from the <see cref="RandomSource"/> the
/// caller passes, never from a source the core picks itself.
/// </summary>
public sealed class Sm2MemoryKey : SigningKey
{
    public const int PrivateKeyLengthBytes = 32;

    private readonly ECPrivateKeyParameters _privateKey;
    private readonly RandomSource _random;

    /// <param name="privateKey">The 32-byte big-endian scalar d, 1 ≤ d ≤ n − 2.</param>
    /// <param name="userId">The SM2 user ID; v1 keys use "1234567812345678".</param>
    /// <param name="random">Where nonces come from.</param>
    public Sm2MemoryKey(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> userId, RandomSource random)
        : this(Import(privateKey, random), userId, random)
    {
    }

    private Sm2MemoryKey(ECPrivateKeyParameters privateKey, ReadOnlySpan<byte> userId, RandomSource random)
        : base(SigningAlgorithm.Sm2WithSm3, Sm2Parameters.Domain.G.Multiply(privateKey.D).Normalize().GetEncoded(compressed: false), userId)
    {
        _privateKey = privateKey;
        _random = random;
    }

    protected override byte[] SignCore(ReadOnlySpan<byte> message)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_privateKey, new RandomSourceAdapter(_random)), UserId.ToArray()));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    private static ECPrivateKeyParameters Import(ReadOnlySpan<byte> privateKey, RandomSource random)
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

        return new ECPrivateKeyParameters(d, Sm2Parameters.Domain);
    }

    /// <summary>Feeds BouncyCastle's nonce generator from the caller's random source.</summary>
    private sealed class RandomSourceAdapter(RandomSource random) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => random(buf);

        public override void NextBytes(byte[] buf, int off, int len) => random(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer) => random(buffer);
    }
}
