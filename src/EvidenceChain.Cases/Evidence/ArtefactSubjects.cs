namespace EvidenceChain.Cases.Evidence;

/// <summary>What an artefact says, per type (the <c>subject</c> byte; 0 where the type has one meaning). Numbers never change.</summary>
public static class ArtefactSubjects
{
    /// <summary>Title search: the seller owns the home, the mortgages are as known, and there is no seizure, objection registration or conflicting pre-notice.</summary>
    public const byte TitleClean = 1;

    /// <summary>Title search: anything else.</summary>
    public const byte TitleEncumbered = 2;

    /// <summary>Registry receipt: the pre-notice of the transfer to the buyer.</summary>
    public const byte TransferPreNotice = 1;

    /// <summary>Registry receipt: the pre-notice of the buyer's bank's mortgage.</summary>
    public const byte MortgagePreNotice = 2;

    /// <summary>Registry receipt: the seller's mortgage cancelled.</summary>
    public const byte MortgageCancelled = 3;

    /// <summary>Registry receipt: the title transferred to the buyer (the reference is the new certificate number).</summary>
    public const byte TitleTransferred = 4;

    /// <summary>Registry receipt: the buyer's bank's mortgage registered.</summary>
    public const byte NewMortgageRegistered = 5;

    /// <summary>Registry receipt: the registry refused the transfer.</summary>
    public const byte RegistrationRefused = 6;

    /// <summary>Court document: a freeze of a party's entitlement (amount, reference = the court's case number).</summary>
    public const byte Freeze = 1;

    /// <summary>Court document: a freeze lifted.</summary>
    public const byte Unfreeze = 2;

    /// <summary>Court document: a deduction (扣划) of a frozen amount to the court.</summary>
    public const byte Deduction = 3;

    /// <summary>Court document: an order to refund the buyer.</summary>
    public const byte RefundOrder = 4;

    /// <summary>Court document: a decision ending a dispute.</summary>
    public const byte DisputeDecision = 5;

    /// <summary>Court document (带封过户): a first seizure (首封) of one property (leg = the property; amount = the claim; reference = the court's case number).</summary>
    public const byte SeizureFirst = 6;

    /// <summary>Court document (带封过户): a waiting-list seizure (轮候查封) of one property, as <see cref="SeizureFirst"/>.</summary>
    public const byte SeizureWaiting = 7;

    /// <summary>Court document (带封过户): the enforcing court permits the sale under its supervision (amount = the price floor).</summary>
    public const byte SaleApproval = 8;

    /// <summary>Court document (带封过户): another seizing court consents to the sale.</summary>
    public const byte SaleConsent = 9;

    /// <summary>Court document (带封过户): the enforcing court refuses the sale.</summary>
    public const byte SaleDenial = 10;

    /// <summary>Court document (带封过户): the assistance notice (协助执行通知书) to the registry, to unseal and transfer together.</summary>
    public const byte AssistanceNotice = 11;

    /// <summary>Court document (带封过户): the distribution plan (amount = the net proceeds; the document digests are the plan's, docs/formats/distribution-plan.md).</summary>
    public const byte DistributionPlan = 12;

    /// <summary>Court document (带封过户): an order to remit the whole proceeds to the court's execution-fund account (amount = the proceeds).</summary>
    public const byte RemitOrder = 13;

    /// <summary>Court document (带封过户): a third party's objection (案外人异议) the court accepted.</summary>
    public const byte ThirdPartyObjection = 14;

    /// <summary>Court document (带封过户): on an objection to the plan, the court upholds its plan.</summary>
    public const byte PlanUpheld = 15;

    /// <summary>Court document (带封过户): on an objection to the plan, the court sets its plan aside (a new plan follows).</summary>
    public const byte PlanSetAside = 16;

    /// <summary>Court document (带封过户): the court dismisses a third party's objection; the case resumes.</summary>
    public const byte ObjectionDismissed = 17;

    /// <summary>Registry receipt (带封过户): the seal on one property lifted (leg = the property).</summary>
    public const byte Unsealed = 7;

    /// <summary>Bank: the escrow bank returned a payment (it was not made).</summary>
    public const byte PaymentReturned = 1;

    /// <summary>Bank: the payee's bank confirms receipt.</summary>
    public const byte PaymentReceived = 2;

    /// <summary>Notice: delivered to the creditor, with the proof of delivery.</summary>
    public const byte NoticeDelivered = 1;

    /// <summary>Notice: the creditor unknown or unreachable, the public notice published.</summary>
    public const byte PublicNoticePublished = 2;
}
