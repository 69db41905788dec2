using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// The rules of a 带押过户 case (docs/cases.md §States and events): whether an event may happen, what
/// evidence its guard needs, what it books on the ledger, which payouts two notaries must approve,
/// and the case after it. <see cref="Decide"/> checks, in order: the state, the command's shape, the
/// condition set, each artefact against its requirement, the event's own rules against the ledger,
/// then the approvals. <see cref="Apply"/> replays a recorded transition without checking anything,
/// so a case is rebuilt from the log exactly. Pure.
/// </summary>
public static partial class MortgageRules
{
    /// <summary>Decides <paramref name="command"/> on <paramref name="current"/>.</summary>
    public static MortgageDecision Decide(MortgageCase current, MortgageCommand command, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!MortgageTransitions.IsAllowed(current.State, command.Event))
        {
            return MortgageDecision.Refused(
                CaseRejection.EventNotAllowedInState,
                $"{command.Event} may not happen in {current.State}; it may in {string.Join(", ", MortgageTransitions.FromStates(command.Event))}");
        }

        if (CommandProblem(current, command) is string problem)
        {
            return MortgageDecision.Refused(CaseRejection.CommandInvalid, problem);
        }

        if (command.Event == MortgageEvent.NotarizeAgreement && command.Conditions!.Problem() is string conditions)
        {
            return MortgageDecision.Refused(CaseRejection.ConditionSetInvalid, conditions);
        }

        if (command.Event == MortgageEvent.NotarizeAgreement && context.TitleLockRequired && !command.Conditions!.TitleLockRequired)
        {
            return MortgageDecision.Refused(CaseRejection.ConditionSetInvalid, "this deployment requires the title locked before any payoff (Cases:TitleLockRequired)");
        }

        if (EventChecks.Artefacts(command.Event.ToString(), Requirements(current, command), command.Artefacts ?? [], current.Id, context) is var (rejection, detail, guard))
        {
            return MortgageDecision.Refused(rejection, detail, guard);
        }

        Plan plan = PlanOf(current, command, context);
        if (plan.Rejection != CaseRejection.None)
        {
            return MortgageDecision.Refused(plan.Rejection, plan.Detail);
        }

        if (EventChecks.Approvals(current.Id, current.TransitionCount + 1, (byte)command.Event, plan.Payouts, command.Approvals ?? [], context) is var (why, approval))
        {
            return MortgageDecision.Refused(CaseRejection.ApprovalsInvalid, why, approval: approval, payouts: plan.Payouts);
        }

        var transition = new MortgageTransition(
            current.Id,
            current.TransitionCount + 1,
            command.Event,
            command.Leg,
            plan.AmountFen,
            current.State,
            plan.To,
            plan.Conditions,
            plan.DepositDate,
            plan.FreezeSource,
            [.. (command.Artefacts ?? []).Select(a => a.LeafIndex)],
            plan.Payouts.Count > 0 ? command.Approvals ?? [] : [],
            command.Event is MortgageEvent.Deduct or MortgageEvent.RemitToTreasury ? command.Payee : null,
            [.. plan.Transfers.Select(t => t.Id)],
            context.AtMs);
        return new MortgageDecision(CaseRejection.None, string.Empty, GuardRejection.None, ApprovalRejection.None, Apply(current, transition), plan.Accounts, plan.Transfers, plan.Payouts, transition);
    }

    /// <summary>
    /// The artefacts an event's guard needs, in the order the command must give them; each position
    /// lists the alternatives that satisfy it (a dispute ends by a joint instruction or a court's decision).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ArtefactRequirement>> Requirements(MortgageCase current, MortgageCommand command)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        ConditionSet? conditions = command.Conditions ?? current.Conditions;
        PayoffLeg? leg = conditions?.PayoffLegs.FirstOrDefault(l => l.Leg == command.Leg);
        bool loan = conditions is { LoanRoute: not LoanRoute.None };
        var required = new List<IReadOnlyList<ArtefactRequirement>>();
        switch (command.Event)
        {
            case MortgageEvent.Accept:
                required.Add([new(ArtefactType.TitleSearch, ArtefactSubjects.TitleClean)]);
                break;
            case MortgageEvent.NotarizeAgreement:
                required.Add([new(ArtefactType.NotarizedAgreement)]);
                required.AddRange(conditions!.PayoffLegs.Select(l => (IReadOnlyList<ArtefactRequirement>)[new(ArtefactType.LenderConsent, Leg: l.Leg, IssuerPartyId: l.LenderPartyId)]));

                // Every buyer and every seller, co-owners each, consents in person (DOMAIN.md §3.6).
                required.AddRange(conditions.BuyerPartyIds.Concat(conditions.SellerPartyIds).Select(p => (IReadOnlyList<ArtefactRequirement>)[new(ArtefactType.PartyConsent, IssuerPartyId: p)]));
                break;
            case MortgageEvent.LockTitle:
                required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.TransferPreNotice)]);
                if (loan)
                {
                    required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.MortgagePreNotice)]);
                }

                break;
            case MortgageEvent.ReservePayoff:
                required.Add([new(ArtefactType.PayoffQuote, Leg: command.Leg, IssuerPartyId: leg?.LenderPartyId)]);
                required.Add([new(ArtefactType.TitleSearch, ArtefactSubjects.TitleClean, SameDay: true)]);

                // Earmarking more of the buyer's money for a higher quote needs the seller's written consent (DOMAIN.md §3.5).
                LegStanding? standing = current.Legs.FirstOrDefault(l => l.Leg == command.Leg);
                if (standing is { State: LegState.Reserved } && command.Artefacts is [RecordedArtefact quote, ..] && quote.Artefact.AmountFen > standing.ReservedFen)
                {
                    required.Add([new(ArtefactType.JointInstruction)]);
                }

                break;
            case MortgageEvent.SendPayoff:
                required.Add([new(ArtefactType.PayoffQuote, Leg: command.Leg, IssuerPartyId: leg?.LenderPartyId)]);
                break;
            case MortgageEvent.ReturnPayoff:
                required.Add([new(ArtefactType.BankStatementLine, ArtefactSubjects.PaymentReturned, command.Leg)]);
                break;
            case MortgageEvent.ReleaseMortgage:
                required.AddRange(conditions!.PayoffLegs.Select(l => (IReadOnlyList<ArtefactRequirement>)[new(ArtefactType.SettlementCertificate, Leg: l.Leg, IssuerPartyId: l.LenderPartyId)]));
                required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.MortgageCancelled)]);
                break;
            case MortgageEvent.ConfirmTransfer:
                required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.TitleTransferred)]);
                if (loan)
                {
                    required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.NewMortgageRegistered)]);
                }

                break;
            case MortgageEvent.Dispute:
                required.Add([new(ArtefactType.Objection)]);
                break;
            case MortgageEvent.ResolveDispute:
                required.Add([new(ArtefactType.JointInstruction), new(ArtefactType.CourtDocument, ArtefactSubjects.DisputeDecision)]);
                break;
            case MortgageEvent.Freeze:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.Freeze, command.Leg)]);
                break;
            case MortgageEvent.Unfreeze:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.Unfreeze, command.Leg)]);
                break;
            case MortgageEvent.Deduct:
                required.Add([new(ArtefactType.CourtDocument, ArtefactSubjects.Deduction, command.Leg)]);
                break;
            case MortgageEvent.Refund:
                // Never on a timeout: the parties jointly, a court, or the seller's waiver (提存公证规则, retrieval).
                required.Add([new(ArtefactType.JointInstruction), new(ArtefactType.CourtDocument, ArtefactSubjects.RefundOrder), new(ArtefactType.Waiver)]);
                break;
            case MortgageEvent.Unwind:
                required.Add([new(ArtefactType.RegistryReceipt, ArtefactSubjects.RegistrationRefused), new(ArtefactType.CourtDocument)]);
                break;
            case MortgageEvent.AmendPayee:
                required.Add([new(ArtefactType.JointInstruction)]);
                break;
            case MortgageEvent.RecordCertificate:
                required.Add([new(ArtefactType.EscrowCertificate)]);
                break;
            case MortgageEvent.RecordNotice:
                required.Add([new(ArtefactType.Notice, command.Leg)]);
                break;
        }

        return required;
    }

    /// <summary>
    /// The case after <paramref name="transition"/>: what <see cref="Decide"/> returns, and what a
    /// replay of the log computes, checking nothing (the transition was checked when it was applied).
    /// </summary>
    /// <exception cref="InvalidOperationException">The transition is not the case's next one.</exception>
    public static MortgageCase Apply(MortgageCase current, MortgageTransition transition)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.CaseId != current.Id || transition.Number != current.TransitionCount + 1 || transition.From != current.State)
        {
            throw new InvalidOperationException($"Transition {transition.Number} of case {transition.CaseId} from {transition.From} does not follow transition {current.TransitionCount} of case {current.Id} in {current.State}.");
        }

        byte leg = transition.Leg;
        MortgageCase next = current with { State = transition.To, TransitionCount = transition.Number };
        switch (transition.Event)
        {
            case MortgageEvent.NotarizeAgreement:
                next = next with { Conditions = transition.Conditions, Legs = [.. transition.Conditions!.PayoffLegs.Select(l => new LegStanding(l.Leg, LegState.Open, 0, 0, 0))] };
                break;
            case MortgageEvent.AmendPayee:
                next = next with { Conditions = transition.Conditions };
                break;
            case MortgageEvent.ExpectDeposit:
                next = next with { Tranches = [.. current.Tranches, transition.AmountFen] };
                break;
            case MortgageEvent.ConfirmFunding:
                next = next with { DepositDate = transition.DepositDate };
                break;
            case MortgageEvent.ExpectLoan:
                next = next with { LoanExpected = true };
                break;
            case MortgageEvent.ReservePayoff:
                next = next with { Legs = WithLeg(current.Legs, leg, l => l with { State = LegState.Reserved, ReservedFen = transition.AmountFen, Adjustments = (ushort)(l.State == LegState.Reserved ? l.Adjustments + 1 : l.Adjustments) }) };
                break;
            case MortgageEvent.SendPayoff:
                next = next with { Legs = WithLeg(current.Legs, leg, l => l with { State = LegState.Sent }) };
                break;
            case MortgageEvent.ConfirmPayoff:
                next = next with { Legs = WithLeg(current.Legs, leg, l => l with { State = LegState.Confirmed }) };
                break;
            case MortgageEvent.ReturnPayoff:
                next = next with { Legs = WithLeg(current.Legs, leg, l => l with { State = LegState.Reserved, Attempt = (ushort)(l.Attempt + 1) }) };
                break;
            case MortgageEvent.Refund or MortgageEvent.Unwind:
                next = next with { Legs = [.. current.Legs.Select(l => l.State == LegState.Confirmed ? l : l with { State = LegState.Open, ReservedFen = 0 })] };
                break;
            case MortgageEvent.Dispute:
                next = next with { Resume = current.State };
                break;
            case MortgageEvent.ResolveDispute:
                next = next with { Resume = null };
                break;
            case MortgageEvent.Freeze:
                next = next with
                {
                    Freezes = [.. current.Freezes, new FreezeOrder(leg, transition.FreezeSource!.Value, transition.AmountFen, true)],
                    Resume = current.State == MortgageState.FrozenByCourt ? current.Resume : current.State,
                };
                break;
            case MortgageEvent.RecordCertificate:
                next = next with { CertificateIssued = true };
                break;
            case MortgageEvent.RecordNotice:
                next = leg == ArtefactSubjects.NoticeDelivered ? next with { NoticeDelivered = true } : next with { PublicNoticePublished = true };
                break;
            case MortgageEvent.Unfreeze or MortgageEvent.Deduct:
                IReadOnlyList<FreezeOrder> freezes = [.. current.Freezes.Select(f => f.Order == leg ? f with { IsActive = false } : f)];
                next = next with { Freezes = freezes, Resume = freezes.Any(f => f.IsActive) ? current.Resume : null };
                break;
        }

        return next;
    }

    private static IReadOnlyList<LegStanding> WithLeg(IReadOnlyList<LegStanding> legs, byte leg, Func<LegStanding, LegStanding> change) =>
        [.. legs.Select(l => l.Leg == leg ? change(l) : l)];
}
