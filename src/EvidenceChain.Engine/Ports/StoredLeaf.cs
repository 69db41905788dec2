using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>A stored leaf and where it came from: its batch and its index in that batch.</summary>
public sealed record StoredLeaf(ulong LeafIndex, byte[] Leaf, Digest LeafHash, long BatchId, int BatchIndex);
