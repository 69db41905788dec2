using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Access;

/// <summary>
/// A public key bound to a party: its signatures on requests are the party's. A revoked key signs
/// nothing new, but stays known, so what it signed before its revocation still verifies and stays
/// attributed. Ed25519 only for now (the depositor keys the CLI makes); SM2 request keys come with
/// SM2-signed requests.
/// </summary>
/// <param name="PublicKey">The 32-byte Ed25519 public key.</param>
/// <param name="AddedAtMs">When the office bound it, Unix milliseconds.</param>
/// <param name="RevokedAtMs">When the office revoked it, or null.</param>
public sealed record PartyKey(byte[] PublicKey, long AddedAtMs, long? RevokedAtMs)
{
    /// <summary>SHA-256(0x01 ‖ key): the fingerprint a depositor opening names (commitment.md).</summary>
    public Digest Fingerprint => PartyCommitment.FingerprintEd25519(PublicKey);

    /// <summary>Whether the key may sign at <paramref name="atMs"/>: bound by then and not yet revoked.</summary>
    public bool IsValidAt(long atMs) => AddedAtMs <= atMs && (RevokedAtMs is not long revoked || atMs < revoked);
}
