using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// SM2-with-SM3 note signatures (checkpoint.md §SM2 with SM3): type byte 0xff followed by the
/// identifier <c>evidencechain/sm2-sm3/v1</c>; the user ID travels inside the key encoding, so a
/// signature made under one ID can never be checked under another by accident.
/// </summary>
public sealed class Sm2NoteVerifier : NoteVerifier
{
    private readonly ECPublicKeyParameters _publicKey;
    private readonly byte[] _userId;

    private Sm2NoteVerifier(string name, byte[] encoding, ECPublicKeyParameters publicKey, byte[] userId)
        : base(name, encoding)
    {
        _publicKey = publicKey;
        _userId = userId;
    }

    public override string AlgorithmName => "SM2";

    /// <summary>The SM2 user ID this key signs under (hex in reports).</summary>
    public ReadOnlySpan<byte> UserId => _userId;

    /// <summary>Creates a verifier from an uncompressed point (0x04 ‖ x ‖ y) and a user ID.</summary>
    public static Sm2NoteVerifier Create(string name, ReadOnlySpan<byte> uncompressedPoint, ReadOnlySpan<byte> userId)
    {
        if (userId.Length > Sm2Parameters.UserIdLengthMaxBytes)
        {
            throw Error.OutOfRange(nameof(userId), userId.Length, $"An SM2 user ID here has at most {Sm2Parameters.UserIdLengthMaxBytes} bytes.");
        }

        if (uncompressedPoint.Length != Sm2Parameters.PointLengthBytes || uncompressedPoint[0] != 0x04)
        {
            throw new ArgumentException("An SM2 public key is a 65-byte uncompressed point starting with 0x04.", nameof(uncompressedPoint));
        }

        var point = Sm2Parameters.VerificationDomain.Curve.DecodePoint(uncompressedPoint.ToArray());
        if (!point.IsValid())
        {
            throw new ArgumentException("The SM2 public key is not a point on sm2p256v1.", nameof(uncompressedPoint));
        }

        byte[] encoding = [.. Sm2Parameters.Prefix, (byte)userId.Length, .. userId, .. uncompressedPoint];
        return new Sm2NoteVerifier(name, encoding, new ECPublicKeyParameters(point, Sm2Parameters.VerificationDomain), userId.ToArray());
    }

    /// <summary>Parses the key encoding of checkpoint.md (after the name and key ID are split off).</summary>
    internal static bool TryDecode(string name, ReadOnlySpan<byte> encoding, out Sm2NoteVerifier? verifier)
    {
        verifier = null;
        if (!encoding.StartsWith(Sm2Parameters.Prefix) || encoding.Length < Sm2Parameters.Prefix.Length + 1)
        {
            return false;
        }

        int userIdLength = encoding[Sm2Parameters.Prefix.Length];
        ReadOnlySpan<byte> rest = encoding[(Sm2Parameters.Prefix.Length + 1)..];
        if (rest.Length != userIdLength + Sm2Parameters.PointLengthBytes)
        {
            return false;
        }

        try
        {
            verifier = Create(name, rest[userIdLength..], rest[..userIdLength]);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Sm2Parameters.SignatureLengthBytes)
        {
            return false;
        }

        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(false, new ParametersWithID(_publicKey, _userId));
        signer.BlockUpdate(message);
        return signer.VerifySignature(signature.ToArray());
    }
}
