namespace EvidenceChain.Engine.Queries;

/// <summary>
/// A receipt lookup's answer: the receipt file when the deposit is in a signed checkpoint, or just
/// where it stands while it is accepted but not yet included. <paramref name="CheckpointSignedAtMs"/> is when the
/// notary signed the checkpoint of <paramref name="TreeSize"/>, as its store recorded it: its own claim, which no
/// receipt proves.
/// </summary>
public sealed record ReceiptAnswer(string? ReceiptJson, bool Included, ulong LeafIndex, ulong TreeSize, long CheckpointSignedAtMs);
