namespace EvidenceChain.Cases.Sealed;

/// <summary>What moves a 带封过户 case (docs/sealed-sale.md §States and events). Numbers never change; they are signed in approvals.</summary>
public enum SealedSaleEvent : byte
{
    /// <summary>A court's seizure of a property is recorded (seizure k, in order).</summary>
    RecordSeizure = 1,

    /// <summary>The debtor proposes buyer and price, agreed in notarial mediation.</summary>
    ProposeSale = 2,

    /// <summary>The enforcing court approves the sale and sets its floor; every other seizing court consents.</summary>
    ApproveSale = 3,

    /// <summary>The enforcing court refuses the sale.</summary>
    DenySale = 4,

    /// <summary>The sale and escrow agreement is notarized and its conditions frozen.</summary>
    NotarizeAgreement = 5,

    /// <summary>A tranche of the buyer's money is expected on the statement (Q1, pending).</summary>
    ExpectDeposit = 6,

    /// <summary>The full price is on the statement.</summary>
    ConfirmFunding = 7,

    /// <summary>The buyer did not pay the price by the agreed day.</summary>
    DeclareBuyerDefault = 8,

    /// <summary>The court's assistance notice (unseal and transfer together) is issued.</summary>
    IssueAssistance = 9,

    /// <summary>The registry unsealed and transferred every property (Q3: the price becomes the proceeds).</summary>
    ConfirmTransfer = 10,

    /// <summary>The registry refused.</summary>
    RejectRegistration = 11,

    /// <summary>The court's distribution plan is issued (Q4: its allocations, pending, linked).</summary>
    IssuePlan = 12,

    /// <summary>The court takes the whole proceeds into its execution-fund account (two approvals).</summary>
    RemitToCourt = 13,

    /// <summary>The objection window ended without objection: the allocations post and the payouts are instructed (Q5; two approvals).</summary>
    FinalizePlan = 14,

    /// <summary>A creditor or the debtor objects to the plan within its window.</summary>
    DisputePlan = 15,

    /// <summary>The court upholds its plan: as <see cref="FinalizePlan"/> (two approvals).</summary>
    UpholdPlan = 16,

    /// <summary>The court sets its plan aside: the allocations are voided; a new plan may be issued.</summary>
    SetAsidePlan = 17,

    /// <summary>The court accepted a third party's objection (案外人异议).</summary>
    ObjectThirdParty = 18,

    /// <summary>The court dismissed the objection: the case resumes.</summary>
    DismissObjection = 19,

    /// <summary>The buyer's money is refunded, by court order or joint instruction (two approvals).</summary>
    Refund = 20,

    /// <summary>Every payout is on the statement.</summary>
    ConfirmDistribution = 21,

    /// <summary>Every case account is 0 and nothing is pending.</summary>
    Close = 22,
}
