using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// Where a 带押过户 case stands: rebuilt by applying its transitions in order, so the log holds the
/// whole case. Immutable: <see cref="MortgageRules.Decide"/> returns the next one.
/// </summary>
/// <param name="Id">The case.</param>
/// <param name="EscrowBankAccount">The escrow bank account (a ledger EscrowBank account) its money is held in.</param>
/// <param name="Ledger">The ledger of its accounts (1 = CNY escrow).</param>
/// <param name="State">Its state.</param>
/// <param name="Resume">The state a dispute or a freeze returns to when it ends; null otherwise.</param>
/// <param name="Conditions">The notarized condition set; null before <see cref="MortgageState.AgreementNotarized"/>.</param>
/// <param name="TransitionCount">Transitions applied so far; the next one has this number plus one.</param>
/// <param name="Tranches">The buyer's deposits expected, by tranche number 1, 2, …: their amounts.</param>
/// <param name="Legs">Each payoff leg's progress, in leg order.</param>
/// <param name="Freezes">Court freezes, by order number 1, 2, ….</param>
/// <param name="DepositDate">The value date of the first tranche on the statement (提存公证规则 art. 16); the lapse runs from it.</param>
/// <param name="LoanExpected">Whether the buyer's loan into escrow (P5) is expected.</param>
/// <param name="CertificateIssued">Whether the escrow certificate is recorded as issued.</param>
/// <param name="NoticeDelivered">Whether the notice to the creditor is recorded as delivered.</param>
/// <param name="PublicNoticePublished">Whether a public notice is recorded as published.</param>
public sealed record MortgageCase(
    CaseId Id,
    AccountId EscrowBankAccount,
    uint Ledger,
    MortgageState State,
    MortgageState? Resume,
    ConditionSet? Conditions,
    ulong TransitionCount,
    IReadOnlyList<long> Tranches,
    IReadOnlyList<LegStanding> Legs,
    IReadOnlyList<FreezeOrder> Freezes,
    DateOnly? DepositDate,
    bool LoanExpected,
    bool CertificateIssued = false,
    bool NoticeDelivered = false,
    bool PublicNoticePublished = false)
{
    /// <summary>A new case, in <see cref="MortgageState.Draft"/>.</summary>
    public static MortgageCase Open(CaseId id, AccountId escrowBankAccount, uint ledger) =>
        id.IsValid ? new(id, escrowBankAccount, ledger, MortgageState.Draft, null, null, 0, [], [], [], null, false)
        : throw new ArgumentException("A case id is not 0 and not all ones.", nameof(id));
}
