using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Merkle;

/// <summary>
/// The fast tree, root and proof code against the naive recursive reference, for both tree hashes
/// (one contract suite run over every algorithm), on random trees.
/// </summary>
public class MerkleTreePropertyTests
{
    public static TheoryData<TreeHash> Algorithms() => [TreeHash.Sha256, TreeHash.Sm3];

    private static readonly Gen<byte[][]> s_leaves =
        Gen.Byte.Array[0, 40].Array[1, Soak.TreeSizeMax];

    private static MerkleTree Build(TreeHash algorithm, byte[][] leaves)
    {
        var tree = new MerkleTree(MerkleHasher.Create(algorithm));
        foreach (byte[] leaf in leaves)
        {
            tree.AppendLeaf(leaf);
        }

        return tree;
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Roots_EveryPrefix_EqualReferenceAndCompactRange(TreeHash algorithm)
    {
        s_leaves.Sample(leaves =>
        {
            var reference = new ReferenceTree(algorithm, leaves);
            MerkleTree tree = Build(algorithm, leaves);
            using MerkleHasher hasher = MerkleHasher.Create(algorithm);
            Digest[] leafHashes = leaves.Select(l => hasher.HashLeaf(l)).ToArray();
            for (int size = 0; size <= leaves.Length; size++)
            {
                byte[] expected = reference.Mth(0, size);
                Assert.Equal(expected, tree.RootAt((ulong)size).ToArray());
                Assert.Equal(expected, MerkleRoot.FromLeafHashes(hasher, leafHashes.AsSpan(0, size)).ToArray());
            }
        }, iter: Soak.PropertyIterations / 4);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void InclusionProof_RandomLeaf_EqualsReferenceAndVerifies(TreeHash algorithm)
    {
        Gen.Select(s_leaves, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((leaves, a, b) =>
        {
            int size = 1 + (a % leaves.Length);
            int index = b % size;
            MerkleTree tree = Build(algorithm, leaves);
            var reference = new ReferenceTree(algorithm, leaves);

            Digest[] proof = tree.InclusionProof((ulong)index, (ulong)size);
            Assert.Equal(reference.Path(index, 0, size), proof.Select(d => d.ToArray()));
            Verdict verdict = InclusionProof.Verify(tree.Hasher, (ulong)index, (ulong)size, tree.LeafHash((ulong)index), proof, tree.RootAt((ulong)size));
            Assert.True(verdict.IsValid, verdict.ToString());
        }, iter: Soak.PropertyIterations);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void ConsistencyProof_RandomSizes_EqualsReferenceAndVerifies(TreeHash algorithm)
    {
        Gen.Select(s_leaves, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((leaves, a, b) =>
        {
            int second = 1 + (a % leaves.Length);
            int first = 1 + (b % second);
            MerkleTree tree = Build(algorithm, leaves);
            var reference = new ReferenceTree(algorithm, leaves);

            Digest[] proof = tree.ConsistencyProof((ulong)first, (ulong)second);
            Assert.Equal(first == second ? [] : reference.Proof(first, second), proof.Select(d => d.ToArray()));
            Verdict verdict = ConsistencyProof.Verify(tree.Hasher, (ulong)first, (ulong)second, proof, tree.RootAt((ulong)first), tree.RootAt((ulong)second));
            Assert.True(verdict.IsValid, verdict.ToString());
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void ProofLengths_AllSmallTrees_MatchPlans()
    {
        for (ulong size = 1; size <= 70; size++)
        {
            for (ulong index = 0; index < size; index++)
            {
                Assert.Equal(TreeMath.InclusionProofLength(index, size), ProofPlan.Inclusion(index, size).Length);
            }

            for (ulong first = 1; first <= size; first++)
            {
                Assert.Equal(TreeMath.ConsistencyProofLength(first, size), ProofPlan.Consistency(first, size).Length);
            }
        }
    }

    [Fact]
    public void ProofLengths_LargestAllowedTree_StayWithinSixtyFourHashes()
    {
        // Tree sizes are limited to 2^63 − 1 (docs/formats/log.md), so 63 levels plus a consistency seed.
        const ulong largest = long.MaxValue;
        int longestConsistency = Enumerable.Range(0, 63)
            .Select(bit => TreeMath.ConsistencyProofLength((1UL << bit) + 1, largest))
            .Max();

        Assert.Equal(63, TreeMath.InclusionProofLength(0, largest));
        Assert.Equal(64, longestConsistency);
        Assert.Equal(64, ProofPlan.ProofLengthMax);
    }
}
