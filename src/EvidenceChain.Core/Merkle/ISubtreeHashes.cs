using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Merkle;

/// <summary>
/// Where the hashes of perfect subtrees come from: level L, index j is MTH of the leaves
/// [j·2^L, (j+1)·2^L). An in-memory tree and the service's store both provide them; proof
/// generation asks only for these and folds the rest (<see cref="SubtreeRanges"/>).
/// </summary>
public interface ISubtreeHashes
{
    /// <summary>The hash of the perfect subtree at <paramref name="level"/>, <paramref name="index"/>; it must exist.</summary>
    Digest GetSubtree(int level, ulong index);
}
