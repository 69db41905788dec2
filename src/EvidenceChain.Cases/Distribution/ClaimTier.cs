namespace EvidenceChain.Cases.Distribution;

/// <summary>The claims of one priority, paid only once every earlier tier is paid in full.</summary>
/// <param name="Kind">Which priority; a plan names each kind at most once, in ascending order.</param>
/// <param name="Mode">How the claims share when the tier cannot be paid in full.</param>
/// <param name="Claims">At least one claim, in any order: the allocator orders them by (<see cref="Claim.RankMs"/>, <see cref="Claim.Number"/>).</param>
public sealed record ClaimTier(TierKind Kind, TierMode Mode, IReadOnlyList<Claim> Claims);
