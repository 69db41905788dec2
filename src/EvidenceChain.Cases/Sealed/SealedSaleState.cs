namespace EvidenceChain.Cases.Sealed;

/// <summary>The states of a 带封过户 case (DOMAIN.md §4.2, docs/sealed-sale.md §States and events). Numbers never change.</summary>
public enum SealedSaleState : byte
{
    /// <summary>Opened; each seizure of each property recorded (court, case number, date, first or waiting list, claim).</summary>
    Seized = 1,

    /// <summary>The debtor proposed buyer and price; the notarial mediation record is in.</summary>
    SaleProposed = 2,

    /// <summary>The enforcing court permits the sale under its supervision, with a price floor; the other seizing courts consent.</summary>
    CourtApproved = 3,

    /// <summary>The sale and escrow agreement is notarized; its conditions are frozen.</summary>
    AgreementNotarized = 4,

    /// <summary>The full price is on the escrow bank statement.</summary>
    Funded = 5,

    /// <summary>The court's assistance notice is at the registry: unseal and transfer together.</summary>
    AssistanceIssued = 6,

    /// <summary>Unsealed and transferred; the price is the creditors' proceeds.</summary>
    Transferred = 7,

    /// <summary>The court's distribution plan is issued; its allocations are pending; objections may be raised.</summary>
    PlanIssued = 8,

    /// <summary>The plan is final (or the court takes the whole sum): the payouts are instructed.</summary>
    PlanFinal = 9,

    /// <summary>Every payout is on the bank statement.</summary>
    Distributed = 10,

    /// <summary>Every case account is 0 and nothing is pending.</summary>
    Closed = 11,

    /// <summary>The enforcing court refused the sale (no money came in).</summary>
    CourtDenied = 20,

    /// <summary>The buyer did not pay the price by the agreed day.</summary>
    BuyerDefault = 21,

    /// <summary>The registry refused to unseal and transfer.</summary>
    RegistryRejected = 22,

    /// <summary>A third party's objection (案外人异议) stops the case until the court decides.</summary>
    ThirdPartyObjection = 23,

    /// <summary>A creditor or the debtor objects to the plan within its window.</summary>
    PlanDisputed = 24,

    /// <summary>The buyer's money is being refunded, by court order or joint instruction.</summary>
    Refunding = 25,
}
