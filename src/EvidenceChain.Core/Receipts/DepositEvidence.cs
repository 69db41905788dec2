using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// What the verifier's caller recomputed from the depositor's content and salt file: the units
/// roots and the unit count. The core compares them with the leaf; reading files stays outside.
/// </summary>
public sealed record DepositEvidence(DigestPair UnitsRoot, uint UnitCount);
