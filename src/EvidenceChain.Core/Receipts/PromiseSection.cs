using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>The receipt's copy of the batch promise and this deposit's place in the batch.</summary>
public sealed record PromiseSection(string Note, ulong BatchIndex, IReadOnlyList<Digest> BatchProof);
