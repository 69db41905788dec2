using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// Where a 带封过户 case stands: rebuilt by applying its transitions in order, so the log holds the
/// whole case. Immutable: <see cref="SealedSaleRules.Decide"/> returns the next one.
/// </summary>
/// <param name="Id">The case.</param>
/// <param name="EscrowBankAccount">The escrow bank account (a ledger EscrowBank account) its money is held in.</param>
/// <param name="Ledger">The ledger of its accounts.</param>
/// <param name="State">Its state.</param>
/// <param name="Resume">The state a dismissed third-party objection returns to; null otherwise.</param>
/// <param name="TransitionCount">Transitions applied so far; the next one has this number plus one.</param>
/// <param name="Seizures">The seizures recorded, by number 1, 2, ….</param>
/// <param name="ProposedPriceFen">The price the debtor proposed in mediation; 0 before.</param>
/// <param name="FloorPriceFen">The floor the enforcing court set when it approved the sale; 0 before or without one.</param>
/// <param name="Conditions">The notarized agreement's terms; null before <see cref="SealedSaleState.AgreementNotarized"/>.</param>
/// <param name="Tranches">The buyer's deposits expected, by tranche number 1, 2, …: their amounts.</param>
/// <param name="DepositDate">The value date on which the full price was on the statement.</param>
/// <param name="Plan">The court's current distribution plan; null before one is issued or after it is set aside.</param>
/// <param name="PlanRevision">How many plans the court set aside: the attempt of the current plan's transfers.</param>
/// <param name="PlanReceivedDay">The day the current plan was issued, from which its objection window runs.</param>
/// <param name="RemittedToCourt">Whether the court took the whole proceeds instead of a plan.</param>
public sealed record SealedSaleCase(
    CaseId Id,
    AccountId EscrowBankAccount,
    uint Ledger,
    SealedSaleState State,
    SealedSaleState? Resume,
    ulong TransitionCount,
    IReadOnlyList<Seizure> Seizures,
    long ProposedPriceFen,
    long FloorPriceFen,
    SealedSaleConditions? Conditions,
    IReadOnlyList<long> Tranches,
    DateOnly? DepositDate,
    DistributionPlan? Plan,
    ushort PlanRevision,
    DateOnly? PlanReceivedDay,
    bool RemittedToCourt)
{
    /// <summary>The court that disposes of the property: the court of the earliest first seizure (by its date, then its number; docs/sealed-sale.md §Seizures); null before one.</summary>
    public string? EnforcingCourtPartyId => Seizures.Where(s => s.Rank == SeizureRank.First).OrderBy(s => s.SeizedAtMs).ThenBy(s => s.Number).FirstOrDefault()?.CourtPartyId;

    /// <summary>The seized properties, by number.</summary>
    public IReadOnlyList<byte> Properties => [.. Seizures.Select(s => s.Property).Distinct().Order()];

    /// <summary>Every seizing court other than the enforcing one, in the order of their first seizure: each consents to the sale.</summary>
    public IReadOnlyList<string> OtherSeizingCourts => [.. Seizures.Select(s => s.CourtPartyId).Distinct(StringComparer.Ordinal).Where(c => c != EnforcingCourtPartyId)];

    /// <summary>A new case, in <see cref="SealedSaleState.Seized"/>, with no seizure recorded yet.</summary>
    public static SealedSaleCase Open(CaseId id, AccountId escrowBankAccount, uint ledger) =>
        id.IsValid ? new(id, escrowBankAccount, ledger, SealedSaleState.Seized, null, 0, [], 0, 0, null, [], null, null, 0, null, false)
        : throw new ArgumentException("A case id is not 0 and not all ones.", nameof(id));
}
