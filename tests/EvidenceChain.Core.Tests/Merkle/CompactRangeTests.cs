using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Merkle;

public class CompactRangeTests
{
    [Theory]
    [InlineData(TreeHash.Sha256)]
    [InlineData(TreeHash.Sm3)]
    public void Append_RandomTree_RootsAndCompletedNodesMatchTree(TreeHash algorithm)
    {
        Gen.Int[0, Soak.TreeSizeMax].Sample(size =>
        {
            using MerkleHasher hasher = MerkleHasher.Create(algorithm);
            var tree = new MerkleTree(hasher);
            var range = new CompactRange();
            var stored = new Dictionary<(int, ulong), Digest>();
            for (int i = 0; i < size; i++)
            {
                Digest leaf = hasher.HashLeaf(BitConverter.GetBytes(i));
                tree.AppendLeafHash(leaf);
                range.Append(hasher, leaf, (level, index, hash) => stored.Add((level, index), hash));
                Assert.Equal(tree.Root, range.Root(hasher));
            }

            // Every perfect subtree was reported exactly once, with the tree's hash.
            int expectedCount = Enumerable.Range(0, 64).Sum(level => (int)((ulong)size >> level));
            Assert.Equal(expectedCount, stored.Count);
            Assert.All(stored, node => Assert.Equal(tree.GetSubtree(node.Key.Item1, node.Key.Item2), node.Value));

            // A range resumed from stored subtrees continues the same tree.
            var resumed = new CompactRange((ulong)size, tree);
            Digest next = hasher.HashLeaf("next"u8);
            resumed.Append(hasher, next, (_, _, _) => { });
            tree.AppendLeafHash(next);
            Assert.Equal(tree.Root, resumed.Root(hasher));
        }, iter: Soak.PropertyIterations / 4);
    }
}
