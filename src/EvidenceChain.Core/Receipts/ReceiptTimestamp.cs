using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Receipts;

/// <summary>An <c>rfc3161</c> entry of a receipt whose token verified, over a checkpoint that extends the receipt's.</summary>
/// <param name="Authority">The TSA's name as the notary's configuration calls it: a label, never trusted (the token's <see cref="VerifiedTimestamp.TsaName"/> is what its certificate says).</param>
/// <param name="TreeSize">The stamped checkpoint's tree size: the receipt's own, or a later one proven consistent with it.</param>
/// <param name="Token">What the token states (genTime, accuracy, TSA) and whether the TSA is the operator's own.</param>
public sealed record ReceiptTimestamp(string Authority, ulong TreeSize, VerifiedTimestamp Token);
