using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Hashing.OpenSsl;

/// <summary>
/// The RFC 9162 root over packed leaf inputs built on several cores: the tree is split where RFC 9162 splits it
/// (the largest power of two below the size) and the two subtrees are built on separate threads, each with its own
/// hasher, until <c>parallelism</c> parts run or a subtree is smaller than <see cref="ParallelLeavesMin"/> leaves.
/// Core's sequential <see cref="MerkleRoot.FromPackedLeaves"/> builds each part, so the bytes are the same.
/// </summary>
public static class ParallelTreeRoot
{
    /// <summary>Below this many leaves a subtree is not worth a thread of its own.</summary>
    public const int ParallelLeavesMin = 1 << 14;

    public static Digest FromPackedLeaves(Func<MerkleHasher> createHasher, ReadOnlyMemory<byte> leaves, int leafLength, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(createHasher);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leafLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        int count = leaves.Length / leafLength;
        if (parallelism == 1 || count < 2 * ParallelLeavesMin || leaves.Length % leafLength != 0)
        {
            using MerkleHasher hasher = createHasher();
            return MerkleRoot.FromPackedLeaves(hasher, leaves.Span, leafLength);
        }

        int split = checked((int)TreeMath.SplitPoint((ulong)count) * leafLength);
        Task<Digest> left = Task.Run(() => FromPackedLeaves(createHasher, leaves[..split], leafLength, parallelism / 2));
        Digest right = FromPackedLeaves(createHasher, leaves[split..], leafLength, parallelism - (parallelism / 2));
        using MerkleHasher joiner = createHasher();
        return joiner.HashChildren(left.GetAwaiter().GetResult(), right);
    }
}
