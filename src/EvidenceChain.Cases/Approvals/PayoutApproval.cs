using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cases.Approvals;

/// <summary>A notary's approval: its signature, with one of its registered keys, over an <see cref="ApprovalMessage"/>.</summary>
/// <param name="NotaryPartyId">The approving notary's party id.</param>
/// <param name="KeyFingerprint">Which of its keys signed (PartyKey.Fingerprint).</param>
/// <param name="Signature">64 bytes: Ed25519, or SM2 <c>r ‖ s</c> under the key's user ID.</param>
public sealed record PayoutApproval(string NotaryPartyId, Digest KeyFingerprint, byte[] Signature);
