using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// An append-only RFC 9162 tree in memory that keeps every perfect subtree hash, so the root at
/// any past size, any inclusion proof and any consistency proof cost O(log n) hash operations.
/// Used by tests, tools and batch building; the service keeps the same hashes in its store.
/// Not thread-safe.
/// </summary>
public sealed class MerkleTree : ISubtreeHashes
{
    private readonly MerkleHasher _hasher;

    // _levels[L][j] = MTH of leaves [j·2^L, (j+1)·2^L): only complete subtrees are kept.
    private readonly List<List<Digest>> _levels = [[]];

    public MerkleTree(MerkleHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _hasher = hasher;
    }

    public ulong TreeSize => (ulong)_levels[0].Count;

    public MerkleHasher Hasher => _hasher;

    /// <summary>Hashes a raw leaf input and appends it; returns its leaf index.</summary>
    public ulong AppendLeaf(ReadOnlySpan<byte> leaf) => AppendLeafHash(_hasher.HashLeaf(leaf));

    /// <summary>Appends an already computed leaf hash; returns its leaf index.</summary>
    public ulong AppendLeafHash(Digest leafHash)
    {
        ulong index = TreeSize;
        _levels[0].Add(leafHash);
        Digest carry = leafHash;
        for (int level = 0; ((index >> level) & 1) == 1; level++)
        {
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            List<Digest> current = _levels[level];
            carry = _hasher.HashChildren(current[^2], carry);
            _levels[level + 1].Add(carry);
        }

        return index;
    }

    public Digest LeafHash(ulong leafIndex)
    {
        CheckSize(leafIndex + 1, nameof(leafIndex));
        return _levels[0][checked((int)leafIndex)];
    }

    /// <summary>The root of the first <paramref name="treeSize"/> leaves (the empty root for 0).</summary>
    public Digest RootAt(ulong treeSize)
    {
        CheckSize(treeSize, nameof(treeSize));
        return SubtreeRanges.Root(_hasher, this, treeSize);
    }

    public Digest Root => RootAt(TreeSize);

    /// <summary>MTH over a range that is a node of some RFC 9162 tree over this log's prefix.</summary>
    public Digest RangeHash(NodeRange range)
    {
        if (range.End > TreeSize)
        {
            throw Error.OutOfRange(nameof(range), range, $"The range must be within the tree size {TreeSize}.");
        }

        return SubtreeRanges.Hash(_hasher, this, range);
    }

    /// <inheritdoc/>
    public Digest GetSubtree(int level, ulong index) => _levels[level][checked((int)index)];

    /// <summary>The inclusion proof for a leaf in the tree of the given size.</summary>
    public Digest[] InclusionProof(ulong leafIndex, ulong treeSize)
    {
        CheckSize(treeSize, nameof(treeSize));
        return SubtreeRanges.Resolve(_hasher, this, ProofPlan.Inclusion(leafIndex, treeSize));
    }

    /// <summary>The consistency proof from <paramref name="firstSize"/> to <paramref name="secondSize"/>.</summary>
    public Digest[] ConsistencyProof(ulong firstSize, ulong secondSize)
    {
        CheckSize(secondSize, nameof(secondSize));
        return SubtreeRanges.Resolve(_hasher, this, ProofPlan.Consistency(firstSize, secondSize));
    }

    private void CheckSize(ulong treeSize, string parameter)
    {
        if (treeSize > TreeSize)
        {
            throw Error.OutOfRange(parameter, treeSize, $"The tree has only {TreeSize} leaves.");
        }
    }
}
