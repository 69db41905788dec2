namespace EvidenceChain.Cases.Mortgage;

/// <summary>The states of a 带押过户 case (DOMAIN.md §3.3, docs/cases.md §States and events). Numbers never change.</summary>
public enum MortgageState : byte
{
    /// <summary>The application is filed.</summary>
    Draft = 1,

    /// <summary>The notary accepted it on a clean title search.</summary>
    Accepted = 2,

    /// <summary>The agreement is notarized; its condition set is frozen.</summary>
    AgreementNotarized = 3,

    /// <summary>The buyer's money (a first tranche) is on the statement; the deposit date is fixed.</summary>
    Funded = 4,

    /// <summary>The registry holds the transfer pre-notice (and the buyer's bank's mortgage pre-notice).</summary>
    TitleLocked = 5,

    /// <summary>A payoff is earmarked from the buyer's money.</summary>
    PayoffReserved = 6,

    /// <summary>A payoff is instructed to the bank and not yet on the statement.</summary>
    PayoffSent = 7,

    /// <summary>Every payoff is on the statement.</summary>
    PayoffConfirmed = 8,

    /// <summary>The settlement certificates are issued and the mortgage is cancelled.</summary>
    MortgageReleased = 9,

    /// <summary>The title is the buyer's (and the buyer's bank's mortgage registered).</summary>
    Transferred = 10,

    /// <summary>The entitlement, the fee and the payouts are booked; the payouts await the statement.</summary>
    Settling = 11,

    /// <summary>Every case account is 0 and nothing is pending.</summary>
    Closed = 12,

    /// <summary>A party objects that a condition is met: every payout waits for a joint instruction or a court.</summary>
    Disputed = 20,

    /// <summary>A court froze a party's entitlement.</summary>
    FrozenByCourt = 21,

    /// <summary>Ended before any money came in.</summary>
    Cancelled = 22,

    /// <summary>The buyer's money is being refunded before any payoff.</summary>
    Refunding = 23,

    /// <summary>The transfer failed after a payoff: the rest refunded, the buyer's claim in memo accounts.</summary>
    UnwindingAfterPayoff = 24,

    /// <summary>The seller never collected; the 5-year lapse has run.</summary>
    Unclaimed = 25,

    /// <summary>The lapsed money was paid to the State (Civil Code art. 574).</summary>
    RemittedToTreasury = 26,
}
