using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;

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
        return Digest.Read(SHA256.HashData(encoded));
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
