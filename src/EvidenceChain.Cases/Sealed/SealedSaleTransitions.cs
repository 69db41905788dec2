namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// Which event may happen in which state of a 带封过户 case (docs/sealed-sale.md §States and events):
/// the table checked first, so an event out of order is refused before any guard is looked at.
/// </summary>
public static class SealedSaleTransitions
{
    /// <summary>The states in which the case has ended.</summary>
    public static IReadOnlyList<SealedSaleState> Ended { get; } = [SealedSaleState.Closed, SealedSaleState.CourtDenied];

    /// <summary>The states an event may happen in.</summary>
    public static IReadOnlyList<SealedSaleState> FromStates(SealedSaleEvent @event) => @event switch
    {
        SealedSaleEvent.RecordSeizure => [SealedSaleState.Seized, SealedSaleState.SaleProposed, SealedSaleState.CourtApproved, SealedSaleState.AgreementNotarized, SealedSaleState.Funded, SealedSaleState.AssistanceIssued, SealedSaleState.Transferred],
        SealedSaleEvent.ProposeSale => [SealedSaleState.Seized],
        SealedSaleEvent.ApproveSale or SealedSaleEvent.DenySale => [SealedSaleState.SaleProposed],
        SealedSaleEvent.NotarizeAgreement => [SealedSaleState.CourtApproved],
        SealedSaleEvent.ExpectDeposit or SealedSaleEvent.ConfirmFunding or SealedSaleEvent.DeclareBuyerDefault => [SealedSaleState.AgreementNotarized],
        SealedSaleEvent.IssueAssistance => [SealedSaleState.Funded],
        SealedSaleEvent.ConfirmTransfer or SealedSaleEvent.RejectRegistration => [SealedSaleState.AssistanceIssued],
        SealedSaleEvent.IssuePlan or SealedSaleEvent.RemitToCourt => [SealedSaleState.Transferred],
        SealedSaleEvent.FinalizePlan or SealedSaleEvent.DisputePlan => [SealedSaleState.PlanIssued],
        SealedSaleEvent.UpholdPlan or SealedSaleEvent.SetAsidePlan => [SealedSaleState.PlanDisputed],
        SealedSaleEvent.ObjectThirdParty => [SealedSaleState.SaleProposed, SealedSaleState.CourtApproved, SealedSaleState.AgreementNotarized, SealedSaleState.Funded, SealedSaleState.AssistanceIssued],
        SealedSaleEvent.DismissObjection => [SealedSaleState.ThirdPartyObjection],
        SealedSaleEvent.Refund => [SealedSaleState.BuyerDefault, SealedSaleState.RegistryRejected, SealedSaleState.ThirdPartyObjection],
        SealedSaleEvent.ConfirmDistribution => [SealedSaleState.PlanFinal],
        SealedSaleEvent.Close => [SealedSaleState.Distributed, SealedSaleState.Refunding],
        _ => [],
    };

    /// <summary>Whether <paramref name="event"/> may happen in <paramref name="state"/>.</summary>
    public static bool IsAllowed(SealedSaleState state, SealedSaleEvent @event) => FromStates(@event).Contains(state);
}
