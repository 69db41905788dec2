using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// The RFC 9162 root of a sequence of leaf hashes in one left-to-right pass, keeping only the
/// perfect subtrees on the right edge (a compact range: at most 64 digests on the stack). The odd
/// node is carried up, never duplicated.
/// </summary>
public static class MerkleRoot
{
    /// <summary>The root over <paramref name="leafHashes"/> (already leaf-hashed); the empty tree's root when there are none.</summary>
    public static Digest FromLeafHashes(MerkleHasher hasher, ReadOnlySpan<Digest> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (leafHashes.IsEmpty)
        {
            return hasher.EmptyRoot;
        }

        Span<Digest> stack = stackalloc Digest[ProofPlan.ProofLengthMax + 1];
        int depth = 0;
        for (int i = 0; i < leafHashes.Length; i++)
        {
            stack[depth++] = leafHashes[i];
            // Leaf i completes one perfect subtree for each trailing one bit of i.
            for (ulong merged = (ulong)i; (merged & 1) == 1; merged >>= 1)
            {
                depth--;
                HashInto(hasher, stack[depth - 1], stack[depth], ref stack[depth - 1]);
            }
        }

        return FoldRightEdge(hasher, stack[..depth]);
    }

    /// <summary>The root over raw leaf inputs: each is hashed as <c>H(0x00 ‖ leaf)</c> first.</summary>
    public static Digest FromLeaves(MerkleHasher hasher, IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(leaves);
        var leafHashes = new Digest[leaves.Count];
        for (int i = 0; i < leafHashes.Length; i++)
        {
            leafHashes[i] = hasher.HashLeaf(leaves[i]);
        }

        return FromLeafHashes(hasher, leafHashes);
    }

    // The stack holds perfect subtrees of decreasing size; the root joins them right to left.
    private static Digest FoldRightEdge(MerkleHasher hasher, ReadOnlySpan<Digest> stack)
    {
        Digest root = stack[^1];
        for (int i = stack.Length - 2; i >= 0; i--)
        {
            HashInto(hasher, stack[i], root, ref root);
        }

        return root;
    }

    private static void HashInto(MerkleHasher hasher, in Digest left, in Digest right, ref Digest destination) =>
        hasher.HashChildren(Digest.AsBytes(left), Digest.AsBytes(right), Digest.AsWritableBytes(ref destination));
}
