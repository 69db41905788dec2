using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Core.Commitments;

/// <summary>
/// A party in a leaf, hidden: <c>P_H = H(0x03 ‖ party_salt ‖ key_fingerprint)</c>
/// (commitment.md §Party commitments). The party's own receipt opens it.
/// </summary>
public static class PartyCommitment
{
    public const byte Prefix = 0x03;

    /// <summary>The C2SP signed-note type byte of Ed25519, used to separate fingerprints by key type.</summary>
    public const byte Ed25519KeyType = 0x01;

    public const int Ed25519PublicKeyLengthBytes = 32;

    /// <summary><c>SHA-256(0x01 ‖ ed25519_public_key)</c>.</summary>
    public static Digest FingerprintEd25519(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519PublicKeyLengthBytes)
        {
            throw Error.WrongLength(nameof(publicKey), Ed25519PublicKeyLengthBytes, publicKey.Length);
        }

        Span<byte> encoded = stackalloc byte[1 + Ed25519PublicKeyLengthBytes];
        encoded[0] = Ed25519KeyType;
        publicKey.CopyTo(encoded[1..]);
        return Sha256.HashData(encoded);
    }

    /// <summary>
    /// <c>SHA-256(0xff ‖ "evidencechain/sm2-sm3/v1" ‖ 0x00 ‖ u8(len(user_id)) ‖ user_id ‖ point)</c>:
    /// the SHA-256 of the key's signed-note encoding (checkpoint.md §SM2 with SM3), as the Ed25519
    /// fingerprint is of <c>0x01 ‖ key</c>. The type byte 0xff and its identifier keep it apart from
    /// Ed25519 fingerprints; the user ID is in it because a signature verifies under one ID only.
    /// Neither argument is checked beyond its length (the point is checked where keys are made).
    /// </summary>
    public static Digest FingerprintSm2(ReadOnlySpan<byte> uncompressedPoint, ReadOnlySpan<byte> userId)
    {
        if (uncompressedPoint.Length != Sm2Parameters.PointLengthBytes)
        {
            throw Error.WrongLength(nameof(uncompressedPoint), Sm2Parameters.PointLengthBytes, uncompressedPoint.Length);
        }

        if (userId.Length > Sm2Parameters.UserIdLengthMaxBytes)
        {
            throw Error.OutOfRange(nameof(userId), userId.Length, $"An SM2 user ID has at most {Sm2Parameters.UserIdLengthMaxBytes} bytes.");
        }

        using var hash = new IncrementalSha256();
        hash.AppendData(Sm2Parameters.Prefix);
        hash.AppendData([(byte)userId.Length]);
        hash.AppendData(userId);
        hash.AppendData(uncompressedPoint);
        Span<byte> digest = stackalloc byte[Digest.SizeInBytes];
        hash.GetHashAndReset(digest);
        return Digest.Read(digest);
    }

    public static Digest Compute(TreeHash hash, DerivedSalt partySalt, in Digest keyFingerprint)
    {
        Span<byte> preimage = stackalloc byte[1 + DerivedSalt.LengthBytes + Digest.SizeInBytes];
        preimage[0] = Prefix;
        Digest.AsBytes(partySalt.Value).CopyTo(preimage[1..]);
        Digest.AsBytes(keyFingerprint).CopyTo(preimage[(1 + DerivedSalt.LengthBytes)..]);
        return UnitCommitment.HashOnce(hash, preimage);
    }
}
