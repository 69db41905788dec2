namespace EvidenceChain.Core.Merkle;

/// <summary>
/// Which subtree hashes a proof consists of, in proof order, straight from RFC 9162 §2.1.3.1
/// (PATH) and §2.1.4.1 (SUBPROOF). The plan names ranges only; whoever holds the tree hashes them
/// (<see cref="MerkleTree"/> in memory, a store in the service). Every range is a node of the RFC
/// tree: a perfect aligned subtree, or one on the right border whose left part is perfect.
/// </summary>
public static class ProofPlan
{
    /// <summary>The maximum number of hashes in any proof: one per level of a 2^64-leaf tree.</summary>
    public const int ProofLengthMax = 64;

    /// <summary>The ranges of the inclusion proof for a leaf. Requires leafIndex &lt; treeSize.</summary>
    public static NodeRange[] Inclusion(ulong leafIndex, ulong treeSize)
    {
        if (leafIndex >= treeSize)
        {
            throw Error.OutOfRange(nameof(leafIndex), leafIndex, $"The leaf index must be below the tree size {treeSize}.");
        }

        var ranges = new NodeRange[TreeMath.InclusionProofLength(leafIndex, treeSize)];
        int count = 0;
        AppendPath(leafIndex, 0, treeSize, ranges, ref count);
        System.Diagnostics.Debug.Assert(count == ranges.Length);
        return ranges;
    }

    /// <summary>The ranges of the consistency proof between two sizes. Requires 0 &lt; firstSize ≤ secondSize.</summary>
    public static NodeRange[] Consistency(ulong firstSize, ulong secondSize)
    {
        if (firstSize == 0 || firstSize > secondSize)
        {
            throw Error.OutOfRange(nameof(firstSize), firstSize, $"The first size must be between 1 and the second size {secondSize}.");
        }

        var ranges = new NodeRange[TreeMath.ConsistencyProofLength(firstSize, secondSize)];
        int count = 0;
        if (firstSize < secondSize)
        {
            AppendSubproof(firstSize, 0, secondSize, startFromOldRoot: true, ranges, ref count);
        }

        System.Diagnostics.Debug.Assert(count == ranges.Length);
        return ranges;
    }

    // PATH(m, D[begin:end]): the deepest sibling first, the root's child last.
    private static void AppendPath(ulong m, ulong begin, ulong end, NodeRange[] ranges, ref int count)
    {
        ulong n = end - begin;
        if (n <= 1)
        {
            return;
        }

        ulong k = TreeMath.SplitPoint(n);
        if (m < k)
        {
            AppendPath(m, begin, begin + k, ranges, ref count);
            ranges[count++] = new NodeRange(begin + k, end);
        }
        else
        {
            AppendPath(m - k, begin + k, end, ranges, ref count);
            ranges[count++] = new NodeRange(begin, begin + k);
        }
    }

    // SUBPROOF(m, D[begin:end], b).
    private static void AppendSubproof(ulong m, ulong begin, ulong end, bool startFromOldRoot, NodeRange[] ranges, ref int count)
    {
        ulong n = end - begin;
        if (m == n)
        {
            if (!startFromOldRoot)
            {
                ranges[count++] = new NodeRange(begin, end);
            }

            return;
        }

        ulong k = TreeMath.SplitPoint(n);
        if (m <= k)
        {
            AppendSubproof(m, begin, begin + k, startFromOldRoot, ranges, ref count);
            ranges[count++] = new NodeRange(begin + k, end);
        }
        else
        {
            AppendSubproof(m - k, begin + k, end, startFromOldRoot: false, ranges, ref count);
            ranges[count++] = new NodeRange(begin, begin + k);
        }
    }
}
