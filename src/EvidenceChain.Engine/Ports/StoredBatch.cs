namespace EvidenceChain.Engine.Ports;

/// <summary>A stored batch: its promise note, its first leaf and how many leaves it holds.</summary>
public sealed record StoredBatch(long BatchId, ulong FirstLeafIndex, int LeafCount, long AcceptedAtMs, string PromiseNote);
