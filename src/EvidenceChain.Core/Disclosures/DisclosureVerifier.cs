using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// Offline verification of a disclosure package (disclosure.md §Verification), in a fixed order that
/// stops at the first failure: the embedded receipt exactly as <see cref="ReceiptVerifier"/> checks it
/// (signatures with keys the caller trusts, inclusion, leaf), then the package's unit count against the
/// leaf, every index below it and none repeated, and then, unit by unit, the content's length and
/// <c>C_H(i)</c> recomputed from the content digests, unit salt and descriptor, led by its inclusion
/// proof to the leaf's units root, for SHA-256 and then SM3. What is proven is the disclosed units
/// only: nothing about the others but their number.
/// </summary>
public static class DisclosureVerifier
{
    /// <summary>
    /// Verifies <paramref name="disclosure"/> with <paramref name="contents"/>, what the caller measured
    /// of each unit's content file, in the order of <see cref="Disclosure.Units"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="contents"/> does not have one entry per unit.</exception>
    public static DisclosureReport Verify(Disclosure disclosure, IReadOnlyList<NoteVerifier> trustedKeys, IReadOnlyList<UnitContent> contents)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        ArgumentNullException.ThrowIfNull(contents);
        if (contents.Count != disclosure.Units.Count)
        {
            throw new ArgumentException($"The package discloses {disclosure.Units.Count} units but {contents.Count} contents were given.", nameof(contents));
        }

        // The content is never given to the receipt check: a disclosure proves units, not the whole deposit.
        ReceiptReport receipt = ReceiptVerifier.Verify(disclosure.ReceiptJson, trustedKeys, evidence: null);
        List<DisclosedUnit> proven = [];
        if (!receipt.IsValid)
        {
            return new DisclosureReport(DisclosureVerdict.Fail(DisclosureFailure.ReceiptInvalid, receipt.Verdict.ToString()), receipt, proven);
        }

        DepositLeaf deposit = receipt.Deposit!;
        DisclosureVerdict verdict = VerifyIndexes(disclosure, deposit.UnitCount);
        if (!verdict.IsValid)
        {
            return new DisclosureReport(verdict, receipt, proven);
        }

        using MerkleHasher sha256 = MerkleHasher.Create(TreeHash.Sha256);
        using MerkleHasher sm3 = MerkleHasher.Create(TreeHash.Sm3);
        for (int i = 0; i < disclosure.Units.Count; i++)
        {
            DisclosedUnit unit = disclosure.Units[i];
            verdict = VerifyUnit(unit, contents[i], deposit, sha256, sm3);
            if (!verdict.IsValid)
            {
                return new DisclosureReport(verdict, receipt, proven);
            }

            proven.Add(unit);
        }

        return new DisclosureReport(DisclosureVerdict.Valid, receipt, proven);
    }

    private static DisclosureVerdict VerifyIndexes(Disclosure disclosure, uint depositUnitCount)
    {
        if (disclosure.UnitCount != depositUnitCount)
        {
            return DisclosureVerdict.Fail(DisclosureFailure.UnitCountMismatch, $"the package says the deposit has {disclosure.UnitCount} units, the deposit leaf says {depositUnitCount}");
        }

        var seen = new HashSet<ulong>();
        foreach (DisclosedUnit unit in disclosure.Units)
        {
            if (unit.Index >= depositUnitCount)
            {
                return DisclosureVerdict.Fail(DisclosureFailure.UnitIndexOutOfRange, $"unit {unit.Name}: index {unit.Index} is not below the deposit's {depositUnitCount} units");
            }

            if (!seen.Add(unit.Index))
            {
                return DisclosureVerdict.Fail(DisclosureFailure.DuplicateUnit, $"unit index {unit.Index} is disclosed more than once");
            }
        }

        return DisclosureVerdict.Valid;
    }

    private static DisclosureVerdict VerifyUnit(DisclosedUnit unit, UnitContent content, DepositLeaf deposit, MerkleHasher sha256, MerkleHasher sm3)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LengthBytes != unit.Unit.LengthBytes)
        {
            return DisclosureVerdict.Fail(DisclosureFailure.ContentLengthMismatch, $"unit {unit.Name}: its content file '{unit.ContentFile}' has {content.LengthBytes} bytes, the unit {unit.Unit.LengthBytes}");
        }

        foreach (TreeHash hash in (ReadOnlySpan<TreeHash>)[TreeHash.Sha256, TreeHash.Sm3])
        {
            MerkleHasher hasher = hash == TreeHash.Sha256 ? sha256 : sm3;
            Digest commitment = UnitCommitment.Compute(hash, unit.UnitSalt, unit.Unit, content.Digests.For(hash));
            Digest leafHash = hasher.HashLeaf(Digest.AsBytes(commitment));
            Digest root = deposit.UnitsRoot.For(hash);
            Verdict verdict = InclusionProof.Verify(hasher, unit.Index, deposit.UnitCount, leafHash, unit.ProofFor(hash).ToArray(), root);
            string name = hash == TreeHash.Sha256 ? "SHA-256" : "SM3";
            if (verdict.Failure == VerificationFailure.WrongProofLength)
            {
                return DisclosureVerdict.Fail(DisclosureFailure.WrongProofLength, $"unit {unit.Name}, {name}: {verdict.Detail}");
            }

            if (!verdict.IsValid)
            {
                return DisclosureVerdict.Fail(DisclosureFailure.UnitNotInUnitsTree, $"unit {unit.Name}, {name}: the commitment {commitment.ToHex()} recomputed from the content, unit salt and descriptor does not lead to the units root: {verdict.Detail}");
            }
        }

        return DisclosureVerdict.Valid;
    }
}
