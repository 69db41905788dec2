namespace EvidenceChain.Cases.Accounts;

/// <summary>The step a case transfer belongs to (DOMAIN.md §3.4 P1–P9 and the failure paths); part of its derived id. Numbers never change.</summary>
public enum CaseStep : byte
{
    /// <summary>P1: a tranche of the buyer's money expected on the statement (pending, posted by the statement line).</summary>
    BuyerDeposit = 1,

    /// <summary>P2: the payoff earmarked from the buyer's money.</summary>
    PayoffReservation = 2,

    /// <summary>P3: the payoff instructed to the bank (pending, posted by the statement line).</summary>
    PayoffPayment = 3,

    /// <summary>P5: the buyer's loan expected into escrow (pending, posted by the statement line).</summary>
    LoanDeposit = 5,

    /// <summary>P6: the entitlement moved to the seller.</summary>
    Entitlement = 6,

    /// <summary>P7: the fee charged to its payer.</summary>
    Fee = 7,

    /// <summary>P8: the seller's payout (pending, posted by the statement line).</summary>
    SellerPayout = 8,

    /// <summary>P9: the earned fee out to the notary's operating account (pending, posted by the statement line).</summary>
    FeePayout = 9,

    /// <summary>A payoff the bank rejected: its pending payment voided.</summary>
    PayoffVoid = 10,

    /// <summary>The payoff earmark moved back to the buyer before a refund.</summary>
    PayoffRelease = 11,

    /// <summary>The buyer's money refunded (pending, posted by the statement line).</summary>
    Refund = 12,

    /// <summary>An amount a court froze, moved to its hold (pending).</summary>
    Freeze = 13,

    /// <summary>A freeze lifted: its hold voided.</summary>
    Unfreeze = 14,

    /// <summary>A court's deduction: the hold posted.</summary>
    Deduction = 15,

    /// <summary>The deducted amount paid to the court's account (pending, posted by the statement line).</summary>
    DeductionPayout = 16,

    /// <summary>The buyer's claim after a failed transfer, in memo accounts.</summary>
    BuyerClaim = 17,

    /// <summary>Lapsed money moved to the treasury payable (Civil Code art. 574).</summary>
    Lapse = 18,

    /// <summary>The lapsed money paid to the State (pending, posted by the statement line).</summary>
    TreasuryPayout = 19,

    /// <summary>A payoff earmark adjusted to a new quote.</summary>
    PayoffAdjustment = 20,

    /// <summary>An expected deposit that never came, voided (a cancelled or refunded case).</summary>
    DepositVoid = 21,

    /// <summary>The seller's pending payout voided when the money lapses.</summary>
    PayoutVoid = 22,

    /// <summary>带封过户 Q3: the price moves from the buyer to the proceeds once the title moved.</summary>
    ProceedsTransfer = 30,

    /// <summary>带封过户 Q4: one allocation of the court's plan, proceeds to its payee account (pending; leg = claim, 0 the debtor's surplus; attempt = plan revision).</summary>
    Allocation = 31,

    /// <summary>带封过户: an allocation posted when the plan is final.</summary>
    AllocationPost = 32,

    /// <summary>带封过户: an allocation voided when the court sets its plan aside.</summary>
    AllocationVoid = 33,

    /// <summary>带封过户 Q5: an allocation paid out to its creditor (or the surplus to the debtor) (pending, posted by the statement line).</summary>
    DistributionPayout = 34,

    /// <summary>带封过户: all the proceeds remitted to the court's execution-fund account (pending, posted by the statement line).</summary>
    CourtRemittance = 35,

    /// <summary>带封过户: the buyer's deposit forfeited on default, as the agreement provides, moved to the proceeds.</summary>
    Forfeit = 36,

    /// <summary>带封过户: the forfeited deposit remitted to the court (pending, posted by the statement line).</summary>
    ForfeitPayout = 37,
}
