using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>A stored leaf and where it came from: its batch, its index in that batch, and which of the batch's signed requests asked for it.</summary>
public sealed record StoredLeaf(ulong LeafIndex, byte[] Leaf, Digest LeafHash, long BatchId, int BatchIndex, int RequestNumber);
