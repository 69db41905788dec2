namespace EvidenceChain.Engine.Queries;

/// <summary>
/// A receipt lookup's answer: the receipt file when the deposit is in a signed checkpoint, or just
/// where it stands while it is accepted but not yet included.
/// </summary>
public sealed record ReceiptAnswer(string? ReceiptJson, bool Included, ulong LeafIndex, ulong TreeSize);
