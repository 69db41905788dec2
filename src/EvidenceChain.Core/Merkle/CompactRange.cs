using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// The right edge of an append-only tree: one perfect subtree per set bit of the tree size, at
/// most 64 digests. Appending a leaf reports every perfect subtree it completes (the leaf itself
/// at level 0, then each merge), so a store can keep all of them without re-reading the tree.
/// </summary>
public sealed class CompactRange
{
    // Perfect subtrees left to right, largest first; _edge[i] is at level _levels[i].
    private readonly List<Digest> _edge = [];
    private readonly List<int> _levels = [];

    /// <summary>Starts from an empty tree.</summary>
    public CompactRange()
    {
    }

    /// <summary>Resumes a tree of <paramref name="treeSize"/> leaves from its stored perfect subtrees.</summary>
    public CompactRange(ulong treeSize, ISubtreeHashes subtrees)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        TreeSize = treeSize;
        ulong begin = 0;
        for (int level = 63; level >= 0; level--)
        {
            if (((treeSize >> level) & 1) == 1)
            {
                _edge.Add(subtrees.GetSubtree(level, begin >> level));
                _levels.Add(level);
                begin += 1UL << level;
            }
        }
    }

    public ulong TreeSize { get; private set; }

    /// <summary>
    /// Appends a leaf hash. <paramref name="completed"/> is called for each perfect subtree that
    /// now exists and did not before: (level, index, hash), the leaf first.
    /// </summary>
    public void Append(MerkleHasher hasher, Digest leafHash, Action<int, ulong, Digest> completed)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(completed);
        ulong index = TreeSize;
        completed(0, index, leafHash);
        Digest carry = leafHash;
        int level = 0;
        while (_levels.Count > 0 && _levels[^1] == level)
        {
            carry = hasher.HashChildren(_edge[^1], carry);
            _edge.RemoveAt(_edge.Count - 1);
            _levels.RemoveAt(_levels.Count - 1);
            level++;
            completed(level, index >> level, carry);
        }

        _edge.Add(carry);
        _levels.Add(level);
        TreeSize = checked(index + 1);
    }

    /// <summary>The root of the tree so far (the empty root for no leaves).</summary>
    public Digest Root(MerkleHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (_edge.Count == 0)
        {
            return hasher.EmptyRoot;
        }

        Digest root = _edge[^1];
        for (int i = _edge.Count - 2; i >= 0; i--)
        {
            root = hasher.HashChildren(_edge[i], root);
        }

        return root;
    }
}
