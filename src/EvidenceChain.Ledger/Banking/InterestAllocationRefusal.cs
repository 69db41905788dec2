namespace EvidenceChain.Ledger.Banking;

/// <summary>Why interest could not be allocated, in the order the rules are checked. Numbers never change.</summary>
public enum InterestAllocationRefusal : byte
{
    /// <summary>Allocated.</summary>
    None = 0,

    /// <summary>The interest is negative.</summary>
    InterestMustNotBeNegative = 1,

    /// <summary>No sub-account, or more than <see cref="InterestAllocation.SubAccountCountMax"/>.</summary>
    SubAccountCountOutOfRange = 2,

    /// <summary>A sub-account appears twice.</summary>
    SubAccountRepeated = 3,

    /// <summary>The period has no day, more than <see cref="InterestAllocation.PeriodDaysMax"/>, or the sub-accounts cover different numbers of days.</summary>
    PeriodDaysDiffer = 4,

    /// <summary>A daily balance is negative (a liability account never is).</summary>
    DailyBalanceMustNotBeNegative = 5,

    /// <summary>There is interest but every daily balance is 0: nothing earned it, so it is not allocated (it stays in the interest account, to be cleared by hand).</summary>
    NoBalanceEarnedIt = 6,
}
