using EvidenceChain.Core.Access;
using EvidenceChain.Core.Deposits;

namespace EvidenceChain.Engine.Deposits;

/// <summary>
/// A deposit request as received, before validation: entries, the depositor's key (Ed25519, or SM2
/// with the user ID it signs under, empty for the GB/T default) and signature, and (v2) its stamp.
/// </summary>
public sealed record DepositSubmission(
    IReadOnlyList<DepositEntry> Entries,
    byte[] PublicKey,
    byte[] Signature,
    RequestStamp? Stamp = null,
    PartyKeyAlgorithm KeyAlgorithm = PartyKeyAlgorithm.Ed25519,
    byte[]? Sm2UserId = null);
