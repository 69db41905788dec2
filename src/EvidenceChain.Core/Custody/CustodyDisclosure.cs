using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// What a <see cref="CustodyAction.Disclosed"/> event records beyond the common fields
/// (custody-event.md §Disclosure section): the disclosure package file's digests and which units it
/// opens, never their content or salts. The recipient is the record's last concerned party.
/// </summary>
/// <param name="PackageDigest">SHA-256 and SM3 of the package file's bytes (disclosure.md).</param>
/// <param name="UnitCount">The deposit's unit count, 1 to <see cref="UnitPlan.UnitCountMax"/>.</param>
/// <param name="UnitIndexes">The disclosed units' 0-based indexes: 1 to <see cref="Disclosure.UnitsMax"/>, strictly ascending, each below <paramref name="UnitCount"/>.</param>
public sealed record CustodyDisclosure(DigestPair PackageDigest, uint UnitCount, IReadOnlyList<uint> UnitIndexes)
{
    /// <summary>The encoded length: two digests, the unit count, the index count and the indexes.</summary>
    internal int LengthBytes => (2 * Digest.SizeInBytes) + 4 + 2 + (4 * UnitIndexes.Count);

    /// <summary>Whether the section can be encoded canonically; the problem if not.</summary>
    internal string? Check()
    {
        if (UnitCount is 0 or > UnitPlan.UnitCountMax)
        {
            return $"a deposit has 1 to {UnitPlan.UnitCountMax} units, not {UnitCount}";
        }

        if (UnitIndexes is null || UnitIndexes.Count is 0 or > Disclosure.UnitsMax)
        {
            return $"a disclosure opens 1 to {Disclosure.UnitsMax} units";
        }

        for (int i = 0; i < UnitIndexes.Count; i++)
        {
            if (i > 0 && UnitIndexes[i] <= UnitIndexes[i - 1])
            {
                return "the disclosed unit indexes must be strictly ascending";
            }

            if (UnitIndexes[i] >= UnitCount)
            {
                return $"unit index {UnitIndexes[i]} is not below the unit count {UnitCount}";
            }
        }

        return null;
    }
}
