using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// The owner's side of a partial disclosure (disclosure.md §Building): from the deposit's unit plan,
/// its master salt and every unit's content digests, the chosen units with their own unit salts and
/// their inclusion proofs in both units trees (commitment.md §Units root, RFC 9162 §2.1.3.1). Every
/// unit's digests are needed because each proof carries hashes of the units around it; only the
/// chosen units' salts leave this method, never the master salt or another unit's salt.
/// </summary>
public static class DisclosureBuilder
{
    /// <summary>
    /// Builds the chosen units. <paramref name="units"/> is the deposit's plan in committed order
    /// (<see cref="UnitPlan.Plan"/>) and <paramref name="contentDigests"/> has each unit's digests at
    /// the same position; <paramref name="chosenIndexes"/> are distinct indexes below the unit count;
    /// <paramref name="contentFile"/> names the file, beside the package, that will hold a unit's bytes.
    /// The units come back in ascending index order.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, hold no unit or too many, or an index is repeated or out of range.</exception>
    public static DisclosedUnits Build(
        IReadOnlyList<UnitDescriptor> units,
        MasterSalt masterSalt,
        IReadOnlyList<DigestPair> contentDigests,
        IEnumerable<ulong> chosenIndexes,
        Func<ulong, UnitDescriptor, string> contentFile)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(masterSalt);
        ArgumentNullException.ThrowIfNull(contentDigests);
        ArgumentNullException.ThrowIfNull(chosenIndexes);
        ArgumentNullException.ThrowIfNull(contentFile);
        if (units.Count != contentDigests.Count)
        {
            throw new ArgumentException($"There are {units.Count} units but {contentDigests.Count} content digests.", nameof(contentDigests));
        }

        if (units.Count is 0 or > UnitPlan.UnitCountMax)
        {
            throw Error.OutOfRange(nameof(units), units.Count, $"A deposit has 1 to {UnitPlan.UnitCountMax} units.");
        }

        var chosen = chosenIndexes.ToList();
        chosen.Sort();
        if (chosen.Count is 0 or > Disclosure.UnitsMax)
        {
            throw Error.OutOfRange(nameof(chosenIndexes), chosen.Count, $"A disclosure opens 1 to {Disclosure.UnitsMax} units.");
        }

        for (int i = 0; i < chosen.Count; i++)
        {
            if (chosen[i] >= (ulong)units.Count)
            {
                throw Error.OutOfRange(nameof(chosenIndexes), chosen[i], $"The deposit has {units.Count} units.");
            }

            if (i > 0 && chosen[i] == chosen[i - 1])
            {
                throw new ArgumentException($"Unit {chosen[i]} is chosen twice.", nameof(chosenIndexes));
            }
        }

        using MerkleHasher sha256Hasher = MerkleHasher.Create(TreeHash.Sha256);
        using MerkleHasher sm3Hasher = MerkleHasher.Create(TreeHash.Sm3);
        var sha256 = new MerkleTree(sha256Hasher);
        var sm3 = new MerkleTree(sm3Hasher);
        for (int i = 0; i < units.Count; i++)
        {
            DerivedSalt salt = masterSalt.DeriveUnitSalt((ulong)i);
            sha256.AppendLeaf(Digest.AsBytes(UnitCommitment.Compute(TreeHash.Sha256, salt, units[i], contentDigests[i].Sha256)));
            sm3.AppendLeaf(Digest.AsBytes(UnitCommitment.Compute(TreeHash.Sm3, salt, units[i], contentDigests[i].Sm3)));
        }

        ulong unitCount = (ulong)units.Count;
        var disclosed = chosen
            .Select(index => new DisclosedUnit(
                index,
                units[(int)index],
                masterSalt.DeriveUnitSalt(index),
                sha256.InclusionProof(index, unitCount),
                sm3.InclusionProof(index, unitCount),
                contentFile(index, units[(int)index])))
            .ToList();
        return new DisclosedUnits(new DigestPair(sha256.Root, sm3.Root), (uint)unitCount, disclosed);
    }
}
