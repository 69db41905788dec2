using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Proofs;

/// <summary>Every single-bit change of a valid proof, leaf hash or root must be rejected, with the right reason.</summary>
public class TamperedProofTests
{
    private static MerkleTree Tree(TreeHash algorithm, int size)
    {
        var tree = new MerkleTree(MerkleHasher.Create(algorithm));
        for (int i = 0; i < size; i++)
        {
            tree.AppendLeaf(BitConverter.GetBytes(i));
        }

        return tree;
    }

    [Theory]
    [InlineData(TreeHash.Sha256)]
    [InlineData(TreeHash.Sm3)]
    public void VerifyInclusion_EveryFlippedProofBit_ReturnsRootMismatch(TreeHash algorithm)
    {
        MerkleTree tree = Tree(algorithm, 13);
        for (ulong index = 0; index < 13; index++)
        {
            Digest[] proof = tree.InclusionProof(index, 13);
            foreach (Digest[] tampered in EveryBitFlip(proof))
            {
                Verdict verdict = InclusionProof.Verify(tree.Hasher, index, 13, tree.LeafHash(index), tampered, tree.Root);
                Assert.Equal(VerificationFailure.RootMismatch, verdict.Failure);
            }
        }
    }

    [Theory]
    [InlineData(TreeHash.Sha256)]
    [InlineData(TreeHash.Sm3)]
    public void VerifyConsistency_EveryFlippedProofBit_ReturnsRootMismatch(TreeHash algorithm)
    {
        MerkleTree tree = Tree(algorithm, 21);
        for (ulong first = 1; first < 21; first++)
        {
            Digest[] proof = tree.ConsistencyProof(first, 21);
            foreach (Digest[] tampered in EveryBitFlip(proof))
            {
                Verdict verdict = ConsistencyProof.Verify(tree.Hasher, first, 21, tampered, tree.RootAt(first), tree.Root);
                Assert.Equal(VerificationFailure.RootMismatch, verdict.Failure);
            }
        }
    }

    [Fact]
    public void VerifyInclusion_RandomTreeAndFlip_Rejected()
    {
        Gen.Select(Gen.Int[1, Soak.TreeSizeMax], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((size, a, bit) =>
        {
            MerkleTree tree = Tree(TreeHash.Sha256, size);
            ulong index = (ulong)(a % size);
            Digest[] proof = tree.InclusionProof(index, (ulong)size);
            Digest leaf = tree.LeafHash(index);
            Digest root = tree.Root;
            int target = bit % ((proof.Length + 2) * 256);
            if (target < 256)
            {
                leaf = Flip(leaf, target);
            }
            else if (target < 512)
            {
                root = Flip(root, target - 256);
            }
            else
            {
                proof[(target - 512) / 256] = Flip(proof[(target - 512) / 256], target % 256);
            }

            Assert.Equal(VerificationFailure.RootMismatch, InclusionProof.Verify(tree.Hasher, index, (ulong)size, leaf, proof, root).Failure);
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void VerifyInclusion_ProofTooLongOrShort_ReturnsWrongProofLength()
    {
        MerkleTree tree = Tree(TreeHash.Sha256, 8);
        Digest[] proof = tree.InclusionProof(3, 8);

        Assert.Equal(VerificationFailure.WrongProofLength, InclusionProof.Verify(tree.Hasher, 3, 8, tree.LeafHash(3), proof.AsSpan(0, 2), tree.Root).Failure);
        Assert.Equal(VerificationFailure.WrongProofLength, InclusionProof.Verify(tree.Hasher, 3, 8, tree.LeafHash(3), [.. proof, proof[0]], tree.Root).Failure);
    }

    [Fact]
    public void VerifyInclusion_IndexNotBelowSize_ReturnsIndexOutOfRange()
    {
        MerkleTree tree = Tree(TreeHash.Sha256, 8);

        Verdict verdict = InclusionProof.Verify(tree.Hasher, 8, 8, tree.LeafHash(7), tree.InclusionProof(7, 8), tree.Root);

        Assert.Equal(VerificationFailure.IndexOutOfRange, verdict.Failure);
    }

    [Fact]
    public void VerifyInclusion_RootMismatch_ReportsBothRoots()
    {
        MerkleTree tree = Tree(TreeHash.Sha256, 5);
        Digest wrongRoot = tree.RootAt(4);

        Verdict verdict = InclusionProof.Verify(tree.Hasher, 1, 5, tree.LeafHash(1), tree.InclusionProof(1, 5), wrongRoot);

        Assert.Contains(wrongRoot.ToHex(), verdict.Detail, StringComparison.Ordinal);
        Assert.Contains(tree.Root.ToHex(), verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_SizesOutOfOrder_Rejected()
    {
        MerkleTree tree = Tree(TreeHash.Sha256, 8);

        Assert.Equal(VerificationFailure.SizeDecreased, ConsistencyProof.Verify(tree.Hasher, 5, 4, [], tree.RootAt(5), tree.RootAt(4)).Failure);
        Assert.Equal(VerificationFailure.EmptyTreeHasNoProof, ConsistencyProof.Verify(tree.Hasher, 0, 4, [], tree.RootAt(0), tree.RootAt(4)).Failure);
    }

    private static IEnumerable<Digest[]> EveryBitFlip(Digest[] proof)
    {
        for (int element = 0; element < proof.Length; element++)
        {
            for (int bit = 0; bit < 256; bit++)
            {
                Digest[] copy = (Digest[])proof.Clone();
                copy[element] = Flip(copy[element], bit);
                yield return copy;
            }
        }
    }

    private static Digest Flip(Digest digest, int bit)
    {
        byte[] bytes = digest.ToArray();
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return Digest.Read(bytes);
    }
}
