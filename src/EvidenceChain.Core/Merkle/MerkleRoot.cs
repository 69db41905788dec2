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

        var edge = new RightEdge(hasher, stackalloc Digest[ProofPlan.ProofLengthMax + 1]);
        foreach (ref readonly Digest leafHash in leafHashes)
        {
            edge.Append(leafHash);
        }

        return edge.Root();
    }

    /// <summary>
    /// The root over leaf inputs of <paramref name="leafLength"/> bytes each, packed one after another in
    /// <paramref name="leaves"/>, each hashed as <c>H(0x00 ‖ leaf)</c> on the way, with no allocation per leaf or
    /// node; the empty tree's root when there are none. (Hashing.OpenSsl builds the two halves on two cores.)
    /// </summary>
    public static Digest FromPackedLeaves(MerkleHasher hasher, ReadOnlySpan<byte> leaves, int leafLength)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leafLength);
        if (leaves.Length % leafLength != 0)
        {
            throw new ArgumentException($"{leaves.Length} bytes are not whole leaves of {leafLength} bytes.", nameof(leaves));
        }

        if (leaves.IsEmpty)
        {
            return hasher.EmptyRoot;
        }

        var edge = new RightEdge(hasher, stackalloc Digest[ProofPlan.ProofLengthMax + 1]);
        Digest leafHash = default;
        for (int at = 0; at < leaves.Length; at += leafLength)
        {
            hasher.HashLeaf(leaves.Slice(at, leafLength), Digest.AsWritableBytes(ref leafHash));
            edge.Append(leafHash);
        }

        return edge.Root();
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

    /// <summary>
    /// The right edge of a tree built left to right: the perfect subtrees not yet joined, largest first (a compact
    /// range). Appending leaf i joins one subtree per trailing one bit of i; the root joins what is left, right to left.
    /// </summary>
    private ref struct RightEdge(MerkleHasher hasher, Span<Digest> stack)
    {
        private readonly Span<Digest> _stack = stack;
        private int _depth;
        private ulong _count;

        public void Append(in Digest leafHash)
        {
            _stack[_depth++] = leafHash;
            for (ulong merged = _count; (merged & 1) == 1; merged >>= 1)
            {
                _depth--;
                HashInto(hasher, _stack[_depth - 1], _stack[_depth], ref _stack[_depth - 1]);
            }

            _count++;
        }

        public readonly Digest Root()
        {
            Digest root = _stack[_depth - 1];
            for (int i = _depth - 2; i >= 0; i--)
            {
                HashInto(hasher, _stack[i], root, ref root);
            }

            return root;
        }
    }

    private static void HashInto(MerkleHasher hasher, in Digest left, in Digest right, ref Digest destination) =>
        hasher.HashChildren(Digest.AsBytes(left), Digest.AsBytes(right), Digest.AsWritableBytes(ref destination));
}
