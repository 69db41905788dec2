using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Core.Proofs;

/// <summary>
/// Verifies RFC 9162 §2.1.3.2 inclusion proofs. The proof is split into its inner part (below the
/// leaf's meeting point with the right border) and its border part, as transparency-dev/merkle
/// does, which gives the exact expected length before any hashing.
/// </summary>
public static class InclusionProof
{
    /// <summary>
    /// Checks that <paramref name="leafHash"/> is at <paramref name="leafIndex"/> in the tree of
    /// <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    public static Verdict Verify(MerkleHasher hasher, ulong leafIndex, ulong treeSize, in Digest leafHash, ReadOnlySpan<Digest> proof, in Digest root)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (leafIndex >= treeSize)
        {
            return Verdict.Fail(VerificationFailure.IndexOutOfRange, $"leaf index {leafIndex} is not below tree size {treeSize}");
        }

        (int inner, int border) = TreeMath.DecomposeInclusion(leafIndex, treeSize);
        if (proof.Length != inner + border)
        {
            return Verdict.Fail(VerificationFailure.WrongProofLength, $"the proof has {proof.Length} hashes; leaf {leafIndex} of {treeSize} needs {inner + border}");
        }

        Digest computed = leafHash;
        ChainInner(hasher, ref computed, proof[..inner], leafIndex);
        ChainBorderRight(hasher, ref computed, proof[inner..]);
        return RootsMatch(computed, root);
    }

    internal static Verdict RootsMatch(in Digest computed, in Digest expected) =>
        computed == expected
            ? Verdict.Valid
            : Verdict.Fail(VerificationFailure.RootMismatch, $"computed root {computed.ToHex()} but the expected root is {expected.ToHex()}");

    // Bit i of the index says whether the node at level i is a right child (1) or a left child (0).
    internal static void ChainInner(MerkleHasher hasher, ref Digest seed, ReadOnlySpan<Digest> proof, ulong index)
    {
        for (int i = 0; i < proof.Length; i++)
        {
            Hash(hasher, ((index >> i) & 1) == 0 ? seed : proof[i], ((index >> i) & 1) == 0 ? proof[i] : seed, ref seed);
        }
    }

    // Like ChainInner but only the levels where the node is a right child: the left-child levels
    // belong to hashes the older tree did not have.
    internal static void ChainInnerRight(MerkleHasher hasher, ref Digest seed, ReadOnlySpan<Digest> proof, ulong index)
    {
        for (int i = 0; i < proof.Length; i++)
        {
            if (((index >> i) & 1) == 1)
            {
                Hash(hasher, proof[i], seed, ref seed);
            }
        }
    }

    // Above the meeting point every sibling is a perfect subtree to the left.
    internal static void ChainBorderRight(MerkleHasher hasher, ref Digest seed, ReadOnlySpan<Digest> proof)
    {
        foreach (Digest sibling in proof)
        {
            Hash(hasher, sibling, seed, ref seed);
        }
    }

    private static void Hash(MerkleHasher hasher, in Digest left, in Digest right, ref Digest destination)
    {
        Digest result = hasher.HashChildren(left, right);
        destination = result;
    }
}
