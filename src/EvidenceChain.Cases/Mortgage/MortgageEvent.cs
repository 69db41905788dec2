namespace EvidenceChain.Cases.Mortgage;

/// <summary>What moves a 带押过户 case (docs/cases.md §States and events). Numbers never change; they are signed in approvals.</summary>
public enum MortgageEvent : byte
{
    /// <summary>The notary accepts the application on a clean title search.</summary>
    Accept = 1,

    /// <summary>The agreement is notarized and its condition set frozen.</summary>
    NotarizeAgreement = 2,

    /// <summary>A tranche of the buyer's money is expected on the statement (P1, pending).</summary>
    ExpectDeposit = 3,

    /// <summary>The first tranche is on the statement: the deposit date is fixed.</summary>
    ConfirmFunding = 4,

    /// <summary>The registry's pre-notices are recorded.</summary>
    LockTitle = 5,

    /// <summary>A payoff leg is earmarked from the buyer's money on a valid quote (P2).</summary>
    ReservePayoff = 6,

    /// <summary>A payoff leg is instructed to the bank (P3, pending; two approvals).</summary>
    SendPayoff = 7,

    /// <summary>A payoff leg is on the statement (P3 posted).</summary>
    ConfirmPayoff = 8,

    /// <summary>The bank returned a payoff leg (P3 voided).</summary>
    ReturnPayoff = 9,

    /// <summary>The settlement certificates and the cancellation receipt are recorded.</summary>
    ReleaseMortgage = 10,

    /// <summary>The buyer's loan is expected into escrow (P5, pending).</summary>
    ExpectLoan = 11,

    /// <summary>The registry transferred the title.</summary>
    ConfirmTransfer = 12,

    /// <summary>The entitlement, the fee and the payouts are booked (P6–P9; two approvals).</summary>
    Settle = 13,

    /// <summary>Every case account is 0 and nothing is pending.</summary>
    Close = 14,

    /// <summary>A party objects that a condition is met.</summary>
    Dispute = 20,

    /// <summary>A joint instruction or a court decision ends the dispute.</summary>
    ResolveDispute = 21,

    /// <summary>A court freezes a party's entitlement.</summary>
    Freeze = 22,

    /// <summary>A court lifts a freeze.</summary>
    Unfreeze = 23,

    /// <summary>A court deducts a frozen amount (two approvals).</summary>
    Deduct = 24,

    /// <summary>The case ends before any money came in.</summary>
    Cancel = 25,

    /// <summary>The buyer's money is refunded before any payoff (two approvals).</summary>
    Refund = 26,

    /// <summary>The transfer failed after a payoff (two approvals).</summary>
    Unwind = 27,

    /// <summary>Five years after the deposit date the seller's money lapses to the State.</summary>
    Lapse = 28,

    /// <summary>The lapsed money is paid to the State (two approvals).</summary>
    RemitToTreasury = 29,

    /// <summary>A payee account of the condition set changes (joint instruction; two approvals).</summary>
    AmendPayee = 30,

    /// <summary>The escrow certificate is issued (the certificate deadline is met).</summary>
    RecordCertificate = 31,

    /// <summary>The creditor is notified (leg 1: delivered, with proof) or the public notice published (leg 2).</summary>
    RecordNotice = 32,
}
