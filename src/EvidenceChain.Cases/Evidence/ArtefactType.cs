namespace EvidenceChain.Cases.Evidence;

/// <summary>The kinds of evidence a case guard names (DOMAIN.md §3.2). Numbers never change.</summary>
public enum ArtefactType : byte
{
    /// <summary>A bank's statement or notice about one payment (a returned payment, a payee bank's receipt). Subjects: <see cref="ArtefactSubjects"/>.</summary>
    BankStatementLine = 1,

    /// <summary>The seller's bank's payoff quote for one loan, with its amount and valid-through date.</summary>
    PayoffQuote = 2,

    /// <summary>A title search (查档) of the home: clean or encumbered.</summary>
    TitleSearch = 3,

    /// <summary>The seller's bank's settlement certificate (结清证明) for one loan.</summary>
    SettlementCertificate = 4,

    /// <summary>A registry receipt: a pre-notice, a cancellation, the transfer, a new mortgage, or a rejection.</summary>
    RegistryReceipt = 5,

    /// <summary>A court document: a freeze, its lifting, a deduction, a refund order, a decision on a dispute.</summary>
    CourtDocument = 6,

    /// <summary>A joint written instruction of buyer and seller.</summary>
    JointInstruction = 7,

    /// <summary>A party's written waiver (the seller waiving collection lets the buyer retrieve).</summary>
    Waiver = 8,

    /// <summary>The notarized escrow agreement; its condition set is frozen with it.</summary>
    NotarizedAgreement = 9,

    /// <summary>The seller's bank's written confirmation of the payoff route and its duty to cancel the mortgage.</summary>
    LenderConsent = 10,

    /// <summary>A party's objection that a condition is not met.</summary>
    Objection = 11,

    /// <summary>One buyer's or seller's own consent to the agreement (each co-owner gives one), signed by the party or attested by a notary after the identity check.</summary>
    PartyConsent = 12,

    /// <summary>The escrow certificate (提存公证书) the notary issued (提存公证规则 art. 17: within 3 days of the deposit date).</summary>
    EscrowCertificate = 13,

    /// <summary>The notice to the creditor with its proof of delivery (送达), or the published public notice (art. 18).</summary>
    Notice = 14,

    /// <summary>带封过户: the notarial mediation record (公证调解) of the debtor's proposed sale, buyer and price, agreed with the enforcing creditors.</summary>
    MediationRecord = 15,
}
