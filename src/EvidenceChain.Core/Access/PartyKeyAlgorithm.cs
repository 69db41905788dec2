namespace EvidenceChain.Core.Access;

/// <summary>
/// The signature algorithm of a party's request-signing key. Stable numbers: stored, and equal to
/// the proto's <c>KeyAlgorithm</c> (whose 0 means Ed25519 for clients older than SM2 keys).
/// </summary>
public enum PartyKeyAlgorithm
{
    /// <summary>Ed25519 (RFC 8032), a 32-byte public key; the only algorithm of depositor keys.</summary>
    Ed25519 = 1,

    /// <summary>SM2 with SM3 (GB/T 32918.2), a 65-byte uncompressed point on sm2p256v1 and a user ID.</summary>
    Sm2 = 2,
}
