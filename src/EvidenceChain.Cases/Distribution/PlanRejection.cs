namespace EvidenceChain.Cases.Distribution;

/// <summary>Why a court's distribution plan is refused, in the order the rules are checked (docs/distribution.md §Checks). Numbers never change.</summary>
public enum PlanRejection : byte
{
    /// <summary>The plan keeps every rule.</summary>
    None = 0,

    /// <summary>The net proceeds or the tiers are not valid input (<see cref="Allocator.Problem"/> says why).</summary>
    TiersInvalid = 1,

    /// <summary>A claim without exactly one allocation, or an allocation of no claim.</summary>
    AllocationsDoNotMatchClaims = 2,

    /// <summary>An allocation or the debtor surplus is below 0.</summary>
    NegativeAmount = 3,

    /// <summary>The allocations and the debtor surplus do not add up to the net proceeds: money would be created or lost.</summary>
    SumMismatch = 4,

    /// <summary>A claim is allocated more than it is owed.</summary>
    ClaimExceeded = 5,

    /// <summary>A claim of some tier is short while a claim of a later tier, or the debtor surplus, gets more than 0.</summary>
    LowerTierPaidWhileHigherShort = 6,
}
