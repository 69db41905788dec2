using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>One leaf of a batch: its bytes and hash, the key that finds a resent deposit, and which of the batch's requests brought it.</summary>
public sealed record AcceptedLeaf(byte[] Leaf, Digest LeafHash, Digest DedupeKey, int RequestNumber);
