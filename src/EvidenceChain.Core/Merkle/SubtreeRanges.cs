using System.Numerics;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// Hashes of RFC 9162 tree nodes from stored perfect subtrees: a perfect range is one lookup; a
/// node on the right border splits at its largest power of two, whose left part is perfect.
/// O(log n) lookups and hashes per node.
/// </summary>
public static class SubtreeRanges
{
    /// <summary>MTH over <paramref name="range"/>, which must be a node of an RFC 9162 tree whose leaves are all stored.</summary>
    public static Digest Hash(MerkleHasher hasher, ISubtreeHashes subtrees, NodeRange range)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(subtrees);
        if (range.Begin >= range.End)
        {
            throw Error.OutOfRange(nameof(range), range, "A node covers at least one leaf.");
        }

        if (range.IsPerfect)
        {
            int level = BitOperations.Log2(range.LeafCount);
            return subtrees.GetSubtree(level, range.Begin >> level);
        }

        ulong k = TreeMath.SplitPoint(range.LeafCount);
        var left = new NodeRange(range.Begin, range.Begin + k);
        if (!left.IsPerfect)
        {
            throw Error.OutOfRange(nameof(range), range, "The range is not a node of an RFC 9162 tree.");
        }

        return hasher.HashChildren(Hash(hasher, subtrees, left), Hash(hasher, subtrees, new NodeRange(range.Begin + k, range.End)));
    }

    /// <summary>The root of the first <paramref name="treeSize"/> leaves (the empty root for 0).</summary>
    public static Digest Root(MerkleHasher hasher, ISubtreeHashes subtrees, ulong treeSize)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return treeSize == 0 ? hasher.EmptyRoot : Hash(hasher, subtrees, new NodeRange(0, treeSize));
    }

    /// <summary>Resolves the ranges of a proof plan into the proof's hashes.</summary>
    public static Digest[] Resolve(MerkleHasher hasher, ISubtreeHashes subtrees, IReadOnlyList<NodeRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var proof = new Digest[ranges.Count];
        for (int i = 0; i < proof.Length; i++)
        {
            proof[i] = Hash(hasher, subtrees, ranges[i]);
        }

        return proof;
    }
}
