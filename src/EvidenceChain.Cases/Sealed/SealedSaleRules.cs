using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// The rules of a 带封过户 case (docs/sealed-sale.md): whether an event may happen, what evidence its
/// guard needs, what it books on the ledger, which payouts two notaries must approve, and the case
/// after it. <see cref="Decide"/> checks, in order: the state, the command's shape, the agreement's
/// terms, each artefact against its requirement, the event's own rules against the ledger, then the
/// approvals. <see cref="Apply"/> replays a recorded transition without checking anything. Pure.
/// </summary>
public static partial class SealedSaleRules
{
    /// <summary>Decides <paramref name="command"/> on <paramref name="current"/>.</summary>
    public static SealedSaleDecision Decide(SealedSaleCase current, SealedSaleCommand command, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!SealedSaleTransitions.IsAllowed(current.State, command.Event))
        {
            return SealedSaleDecision.Refused(
                CaseRejection.EventNotAllowedInState,
                $"{command.Event} may not happen in {current.State}; it may in {string.Join(", ", SealedSaleTransitions.FromStates(command.Event))}");
        }

        if (CommandProblem(current, command, context) is string problem)
        {
            return SealedSaleDecision.Refused(CaseRejection.CommandInvalid, problem);
        }

        if (command.Conditions?.Problem() is string conditions)
        {
            return SealedSaleDecision.Refused(CaseRejection.ConditionSetInvalid, conditions);
        }

        if (EventChecks.Artefacts(command.Event.ToString(), Requirements(current, command), command.Artefacts ?? [], current.Id, context) is var (rejection, detail, guard))
        {
            return SealedSaleDecision.Refused(rejection, detail, guard);
        }

        Plan plan = PlanOf(current, command, context);
        if (plan.Rejection != CaseRejection.None)
        {
            return SealedSaleDecision.Refused(plan.Rejection, plan.Detail);
        }

        if (EventChecks.Approvals(current.Id, current.TransitionCount + 1, (byte)command.Event, plan.Payouts, command.Approvals ?? [], context) is var (why, approval))
        {
            return SealedSaleDecision.Refused(CaseRejection.ApprovalsInvalid, why, approval: approval, payouts: plan.Payouts);
        }

        var transition = new SealedSaleTransition(
            current.Id,
            current.TransitionCount + 1,
            command.Event,
            command.Leg,
            plan.AmountFen,
            current.State,
            plan.To,
            plan.Seizure,
            command.Conditions,
            command.Plan,
            plan.Day,
            [.. (command.Artefacts ?? []).Select(a => a.LeafIndex)],
            plan.Payouts.Count > 0 ? command.Approvals ?? [] : [],
            plan.Payouts.Count > 0 ? command.Payee : null,
            [.. plan.Transfers.Select(t => t.Id)],
            context.AtMs);
        return new SealedSaleDecision(CaseRejection.None, string.Empty, GuardRejection.None, ApprovalRejection.None, Apply(current, transition), plan.Accounts, plan.Transfers, plan.Payouts, transition);
    }

    /// <summary>
    /// The artefacts an event's guard needs, in the order the command must give them; each position
    /// lists the alternatives that satisfy it (a first or a waiting-list seizure; a joint instruction or a court's refund order).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ArtefactRequirement>> Requirements(SealedSaleCase current, SealedSaleCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        string? enforcing = current.EnforcingCourtPartyId;
        SealedSaleConditions? conditions = command.Conditions ?? current.Conditions;
        var required = new List<IReadOnlyList<ArtefactRequirement>>();
        switch (command.Event)
        {
            case SealedSaleEvent.RecordSeizure:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.SeizureFirst), new(ArtefactType.CourtDocument, ArtefactSubjects.SeizureWaiting)]);
                break;
            case SealedSaleEvent.ProposeSale:
                required.Add([new(ArtefactType.MediationRecord)]);
                break;
            case SealedSaleEvent.ApproveSale:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.SaleApproval, IssuerPartyId: enforcing)]);
                required.AddRange(current.OtherSeizingCourts.Select(c => (IReadOnlyList<ArtefactRequirement>)[new(ArtefactType.CourtDocument, ArtefactSubjects.SaleConsent, IssuerPartyId: c)]));
                break;
            case SealedSaleEvent.DenySale:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.SaleDenial, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.NotarizeAgreement:
                required.Add([new(ArtefactType.NotarizedAgreement)]);
                required.AddRange(conditions!.BuyerPartyIds.Concat(conditions.DebtorPartyIds).Select(p => (IReadOnlyList<ArtefactRequirement>)[new(ArtefactType.PartyConsent, IssuerPartyId: p)]));
                break;
            case SealedSaleEvent.IssueAssistance:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.AssistanceNotice, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.ConfirmTransfer:
                // Unsealing and transfer run together (DOMAIN.md §4.1): both receipts for every property.
                foreach (byte property in current.Properties)
                {
                    required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.Unsealed, property)]);
                    required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.TitleTransferred, property)]);
                }

                break;
            case SealedSaleEvent.RejectRegistration:
                required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.RegistrationRefused)]);
                break;
            case SealedSaleEvent.IssuePlan:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.DistributionPlan, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.RemitToCourt:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.RemitOrder, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.DisputePlan:
                required.Add([new(ArtefactType.Objection)]);
                break;
            case SealedSaleEvent.UpholdPlan:
                // The court's document says which way it decided: the event cannot choose the outcome.
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.PlanUpheld, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.SetAsidePlan:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.PlanSetAside, IssuerPartyId: enforcing)]);
                break;
            case SealedSaleEvent.ObjectThirdParty:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.ThirdPartyObjection)]);
                break;
            case SealedSaleEvent.DismissObjection:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.ObjectionDismissed)]);
                break;
            case SealedSaleEvent.Refund:
                // Never on a timeout: the parties jointly, or a court (DOMAIN.md §4.2).
                required.Add([new(ArtefactType.JointInstruction), new(ArtefactType.CourtDocument, ArtefactSubjects.RefundOrder)]);
                break;
        }

        return required;
    }

    /// <summary>
    /// The case after <paramref name="transition"/>: what <see cref="Decide"/> returns, and what a
    /// replay of the log computes, checking nothing (the transition was checked when it was applied).
    /// </summary>
    /// <exception cref="InvalidOperationException">The transition is not the case's next one.</exception>
    public static SealedSaleCase Apply(SealedSaleCase current, SealedSaleTransition transition)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.CaseId != current.Id || transition.Number != current.TransitionCount + 1 || transition.From != current.State)
        {
            throw new InvalidOperationException($"Transition {transition.Number} of case {transition.CaseId} from {transition.From} does not follow transition {current.TransitionCount} of case {current.Id} in {current.State}.");
        }

        SealedSaleCase next = current with { State = transition.To, TransitionCount = transition.Number };
        return transition.Event switch
        {
            SealedSaleEvent.RecordSeizure => next with { Seizures = [.. current.Seizures, transition.Seizure!] },
            SealedSaleEvent.ProposeSale => next with { ProposedPriceFen = transition.AmountFen },
            SealedSaleEvent.ApproveSale => next with { FloorPriceFen = transition.AmountFen },
            SealedSaleEvent.NotarizeAgreement => next with { Conditions = transition.Conditions },
            SealedSaleEvent.ExpectDeposit => next with { Tranches = [.. current.Tranches, transition.AmountFen] },
            SealedSaleEvent.ConfirmFunding => next with { DepositDate = transition.Day },
            SealedSaleEvent.IssuePlan => next with { Plan = transition.Plan, PlanReceivedDay = transition.Day },
            SealedSaleEvent.SetAsidePlan => next with { Plan = null, PlanReceivedDay = null, PlanRevision = (ushort)(current.PlanRevision + 1) },
            SealedSaleEvent.RemitToCourt => next with { RemittedToCourt = true },
            SealedSaleEvent.ObjectThirdParty => next with { Resume = current.State },
            SealedSaleEvent.DismissObjection => next with { Resume = null },

            // A refund ends an objection too: nothing is left to resume.
            SealedSaleEvent.Refund => next with { Resume = null },
            _ => next,
        };
    }
}
