using System.Numerics;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Core.Proofs;

/// <summary>
/// Verifies RFC 9162 §2.1.4.2 consistency proofs, with transparency-dev/merkle's edge cases:
/// equal sizes need an empty proof and equal roots; a first size of 0 is rejected (an empty tree
/// is consistent with everything, so a proof from it proves nothing); a shrinking tree is rejected.
/// </summary>
public static class ConsistencyProof
{
    /// <summary>Checks that the tree of <paramref name="secondSize"/> with <paramref name="secondRoot"/> extends the one of <paramref name="firstSize"/>.</summary>
    public static Verdict Verify(MerkleHasher hasher, ulong firstSize, ulong secondSize, ReadOnlySpan<Digest> proof, in Digest firstRoot, in Digest secondRoot)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (secondSize < firstSize)
        {
            return Verdict.Fail(VerificationFailure.SizeDecreased, $"the second size {secondSize} is smaller than the first size {firstSize}");
        }

        if (firstSize == 0)
        {
            return Verdict.Fail(VerificationFailure.EmptyTreeHasNoProof, "a consistency proof from the empty tree is not defined");
        }

        int expectedLength = TreeMath.ConsistencyProofLength(firstSize, secondSize);
        if (proof.Length != expectedLength)
        {
            return Verdict.Fail(VerificationFailure.WrongProofLength, $"the proof has {proof.Length} hashes; {firstSize} to {secondSize} needs {expectedLength}");
        }

        if (firstSize == secondSize)
        {
            return firstRoot == secondRoot
                ? Verdict.Valid
                : Verdict.Fail(VerificationFailure.RootMismatch, $"equal sizes {firstSize} but different roots {firstRoot.ToHex()} and {secondRoot.ToHex()}");
        }

        (int inner, int border) = TreeMath.DecomposeInclusion(firstSize - 1, secondSize);
        int shift = BitOperations.TrailingZeroCount(firstSize);
        inner -= shift;

        // The proof starts with the root of the subtree of size 2^shift that holds the old tree's
        // last leaf, unless the old tree is exactly that subtree: then its root is the seed.
        Digest seed = firstSize == 1UL << shift ? firstRoot : proof[0];
        ReadOnlySpan<Digest> path = firstSize == 1UL << shift ? proof : proof[1..];
        ulong mask = (firstSize - 1) >> shift;

        Digest first = seed;
        InclusionProof.ChainInnerRight(hasher, ref first, path[..inner], mask);
        InclusionProof.ChainBorderRight(hasher, ref first, path[inner..]);
        if (first != firstRoot)
        {
            return Verdict.Fail(VerificationFailure.RootMismatch, $"the proof gives first root {first.ToHex()} but the first root is {firstRoot.ToHex()}");
        }

        Digest second = seed;
        InclusionProof.ChainInner(hasher, ref second, path[..inner], mask);
        InclusionProof.ChainBorderRight(hasher, ref second, path[inner..]);
        return second == secondRoot
            ? Verdict.Valid
            : Verdict.Fail(VerificationFailure.RootMismatch, $"the proof gives second root {second.ToHex()} but the second root is {secondRoot.ToHex()}");
    }
}
