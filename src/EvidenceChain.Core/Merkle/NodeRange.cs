namespace EvidenceChain.Core.Merkle;

/// <summary>
/// The leaves <c>[Begin, End)</c> under one node of the RFC 9162 tree: its hash is
/// <c>MTH(D[Begin:End])</c>. Proof generation names the ranges it needs; a store supplies their hashes.
/// </summary>
public readonly record struct NodeRange(ulong Begin, ulong End)
{
    public ulong LeafCount => End - Begin;

    /// <summary>True when the range is a complete subtree: a power of two leaves, aligned to its size.</summary>
    public bool IsPerfect => ulong.IsPow2(LeafCount) && Begin % LeafCount == 0;

    public override string ToString() => $"[{Begin}, {End})";
}
