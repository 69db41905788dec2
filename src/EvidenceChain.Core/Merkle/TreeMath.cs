using System.Numerics;

namespace EvidenceChain.Core.Merkle;

/// <summary>Integer facts about RFC 9162 trees, shared by proof generation and verification.</summary>
public static class TreeMath
{
    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (RFC 9162 §2.1.1's k); n ≥ 2.</summary>
    public static ulong SplitPoint(ulong n)
    {
        System.Diagnostics.Debug.Assert(n >= 2);
        return 1UL << (63 - BitOperations.LeadingZeroCount(n - 1));
    }

    /// <summary>
    /// The lengths of the two parts of an inclusion proof for <paramref name="leafIndex"/> in a tree
    /// of <paramref name="treeSize"/>: the inner part (below the point where the leaf's path meets the
    /// right border) and the border part. Their sum is the proof length. leafIndex &lt; treeSize.
    /// </summary>
    public static (int Inner, int Border) DecomposeInclusion(ulong leafIndex, ulong treeSize)
    {
        int inner = 64 - BitOperations.LeadingZeroCount(leafIndex ^ (treeSize - 1));
        int border = BitOperations.PopCount(inner == 64 ? 0 : leafIndex >> inner);
        return (inner, border);
    }

    /// <summary>The length of a valid inclusion proof; leafIndex &lt; treeSize.</summary>
    public static int InclusionProofLength(ulong leafIndex, ulong treeSize)
    {
        (int inner, int border) = DecomposeInclusion(leafIndex, treeSize);
        return inner + border;
    }

    /// <summary>The length of a valid consistency proof; 0 &lt; first ≤ second.</summary>
    public static int ConsistencyProofLength(ulong firstSize, ulong secondSize)
    {
        if (firstSize == secondSize)
        {
            return 0;
        }

        (int inner, int border) = DecomposeInclusion(firstSize - 1, secondSize);
        int shift = BitOperations.TrailingZeroCount(firstSize);
        int seed = firstSize == 1UL << shift ? 0 : 1;
        return seed + inner - shift + border;
    }
}
