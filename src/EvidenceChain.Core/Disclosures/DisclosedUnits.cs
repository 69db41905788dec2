using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// What <see cref="DisclosureBuilder"/> made: the chosen units with their salts and proofs, and the
/// units roots and unit count it recomputed from every unit, which the caller compares with the deposit
/// leaf before handing anything over.
/// </summary>
public sealed record DisclosedUnits(DigestPair UnitsRoot, uint UnitCount, IReadOnlyList<DisclosedUnit> Units);
