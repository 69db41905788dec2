using EvidenceChain.Core.Deposits;

namespace EvidenceChain.Engine.Deposits;

/// <summary>A deposit request as received, before validation: entries, the depositor's key and signature, and (v2) its stamp.</summary>
public sealed record DepositSubmission(IReadOnlyList<DepositEntry> Entries, byte[] PublicKey, byte[] Signature, RequestStamp? Stamp = null);
