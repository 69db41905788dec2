namespace EvidenceChain.Cases.Distribution;

/// <summary>The allocator's proposal; the allocations and the surplus add up to the net proceeds exactly.</summary>
/// <param name="Allocations">One per claim, in tier order, then within a tier by (<see cref="Claim.RankMs"/>, <see cref="Claim.Number"/>), so the same plan always gives the same list.</param>
/// <param name="DebtorSurplusFen">What is left for the debtor once every claim is paid in full; 0 otherwise.</param>
public sealed record DistributionResult(IReadOnlyList<Allocation> Allocations, long DebtorSurplusFen);
