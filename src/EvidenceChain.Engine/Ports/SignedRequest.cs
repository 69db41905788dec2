using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>A depositor's request as signed (deposit-request.md), kept beside the log as proof of who asked.</summary>
/// <param name="PublicKey">The depositor's public key: 32 bytes Ed25519, or the 65-byte SM2 point.</param>
/// <param name="SignedBytes">The signed message, exactly as verified.</param>
/// <param name="Signature">The depositor's signature over it.</param>
/// <param name="ReplayKey">For a stamped (v2) request, what the store remembers so the same signed request is never taken twice.</param>
/// <param name="KeyAlgorithm">The key's algorithm.</param>
/// <param name="Sm2UserId">For SM2, the user ID the key signs under; empty for Ed25519.</param>
public sealed record SignedRequest(
    byte[] PublicKey,
    byte[] SignedBytes,
    byte[] Signature,
    Digest? ReplayKey = null,
    PartyKeyAlgorithm KeyAlgorithm = PartyKeyAlgorithm.Ed25519,
    byte[]? Sm2UserId = null)
{
    /// <summary>The signing key's fingerprint (commitment.md §Party commitments): whose request it is.</summary>
    public Digest KeyFingerprint => new PartyKey(KeyAlgorithm, PublicKey, Sm2UserId ?? [], 0, null).Fingerprint;
}
