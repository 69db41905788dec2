using System.Globalization;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// 带押过户 cases over gRPC (docs/cases.md): thin methods that check the wire shapes, ask the
/// policy, and hand the work to <see cref="CaseDesk"/>. A refused event is a status naming the rule
/// (and, for a guard or approvals, which one and why); nothing is booked or recorded by it.
/// </summary>
internal sealed partial class EscrowGrpcService
{
    private const string DateFormat = "yyyy-MM-dd";

    public override async Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateCases);
        var opening = new CaseOpening(CaseIdOf(request.CaseId), request.CaseNumber, new AccountId(Id(request.EscrowBankAccount, "escrow_bank_account")), request.Ledger);
        ulong leaf = await StatusErrors.RunAsync(() => cases.OpenCaseAsync(caller, opening, context.CancellationToken)).ConfigureAwait(false);
        return new OpenCaseResponse { LeafIndex = leaf };
    }

    public override async Task<RecordArtefactResponse> RecordArtefact(RecordArtefactRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.RecordCaseEvidence);
        if (!CaseArtefact.TryDecode(request.Artefact.Span, out CaseArtefact? artefact, out string reason))
        {
            throw StatusErrors.Invalid("artefact", $"not a case artefact (docs/formats/case-artefact.md): {reason}");
        }

        ulong leaf = await StatusErrors.RunAsync(() => cases.RecordArtefactAsync(caller, artefact!, context.CancellationToken)).ConfigureAwait(false);
        return new RecordArtefactResponse { LeafIndex = leaf };
    }

    public override Task<ProposeTransitionResponse> ProposeTransition(CaseEventRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.OperateCases);
        CaseId id = CaseIdOf(request.CaseId);
        MortgageCommand command = CommandOf(request);
        MortgageCase current = MortgageOf(id).Case;
        MortgageDecision decision = StatusErrors.Run(() => cases.Propose(id, command, [.. request.ArtefactLeaves]));
        return Task.FromResult(Proposal(
            id,
            current.TransitionCount + 1,
            (byte)command.Event,
            (decision.Rejection, decision.Detail, decision.Guard, decision.Approval),
            decision.Next?.State.ToString(),
            MortgageRules.Requirements(current, command),
            decision.Payouts,
            decision.Transfers));
    }

    public override async Task<ApplyTransitionResponse> ApplyTransition(CaseEventRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateCases);
        CaseId id = CaseIdOf(request.CaseId);
        MortgageCommand command = CommandOf(request);
        CaseOutcome outcome = await StatusErrors.RunAsync(() => cases.ApplyAsync(caller, id, command, [.. request.ArtefactLeaves], context.CancellationToken)).ConfigureAwait(false);
        MortgageDecision decision = outcome.Decision;
        ThrowIfNotApplied(decision.Rejection, decision.Guard, decision.Approval, decision.Detail, outcome.LeafIndex, outcome.Accounts, outcome.Transfers);
        return Applied(outcome.LeafIndex!.Value, (uint)decision.Next!.State, decision.Next.State.ToString(), decision.Transfers, outcome.Transfers, decision.Payouts);
    }

    public override Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        CaseId id = CaseIdOf(request.CaseId);
        (CaseOpening opening, MortgageCase current, long _) = MortgageOf(id);
        var response = new GetCaseResponse
        {
            CaseNumber = opening.CaseNumber,
            State = (uint)current.State,
            StateName = current.State.ToString(),
            ResumeStateName = current.Resume?.ToString() ?? string.Empty,
            TransitionCount = current.TransitionCount,
            DepositDate = current.DepositDate?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty,
            EscrowBankAccount = WireIds.Bytes(current.EscrowBankAccount.Value),
            Conditions = current.Conditions is ConditionSet conditions ? ToProto(conditions) : null,
        };
        response.TranchesFen.AddRange(current.Tranches);
        response.Legs.AddRange(current.Legs.Select(l => new CaseLegStanding { Leg = l.Leg, StateName = l.State.ToString(), ReservedFen = l.ReservedFen, Attempt = l.Attempt }));
        response.UnrecordedTransferIds.AddRange(cases.UnrecordedTransfers(id).Select(t => WireIds.Bytes(t.Value)));
        return Task.FromResult(response);
    }

    public override Task<GetCaseStatementResponse> GetCaseStatement(GetCaseStatementRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        CaseId id = CaseIdOf(request.CaseId);
        if (!cases.Exists(id))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"there is no case {id}"));
        }

        Core.Records.RecordStatement statement = StatusErrors.Run(() => statements.StatementOf(
            LeafRecord.CaseKey(id.Value), request.FromLeafIndex, request.Limit == 0 ? Core.Records.RecordStatement.EntriesMax : (int)Math.Min(request.Limit, int.MaxValue)));
        return Task.FromResult(new GetCaseStatementResponse
        {
            StatementJson = statement.ToJson(),
            NextLeafIndex = statement.Entries.Count == 0 ? request.FromLeafIndex : statement.Entries[^1].LeafIndex + 1,
        });
    }

    public override Task<GetCaseDeadlinesResponse> GetCaseDeadlines(GetCaseDeadlinesRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        CaseId id = CaseIdOf(request.CaseId);
        IReadOnlyList<CaseDeadline> deadlines = StatusErrors.Run(() => cases.DeadlinesOf(id));
        var response = new GetCaseDeadlinesResponse();
        response.Deadlines.AddRange(deadlines.Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<ListDueDeadlinesResponse> ListDueDeadlines(ListDueDeadlinesRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        DateOnly? through = request.Through.Length == 0 ? null
            : DateOnly.TryParseExact(request.Through, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day
            : throw StatusErrors.Invalid("through", $"a date is YYYY-MM-DD, not '{request.Through}'");
        var response = new ListDueDeadlinesResponse();
        response.Deadlines.AddRange(cases.DueDeadlines(through).Select(d => new DueDeadline { CaseId = WireIds.Bytes(d.CaseId.Value), CaseNumber = d.CaseNumber, Deadline = ToProto(d.Deadline) }));
        return Task.FromResult(response);
    }

    private (CaseOpening Opening, MortgageCase Case, long OpenedAtMs) MortgageOf(CaseId id) =>
        cases.Find(id) ?? throw new RpcException(new Status(StatusCode.NotFound, cases.Exists(id) ? $"case {id} is a 带封过户 case: use the sealed-sale calls" : $"there is no case {id}"));

    /// <summary>A proposal: the refusal if any, the requirements, the payouts and the exact message two notaries sign, the transfers.</summary>
    private static ProposeTransitionResponse Proposal(
        CaseId id,
        ulong transitionNumber,
        byte eventNumber,
        (CaseRejection Rejection, string Detail, GuardRejection Guard, ApprovalRejection Approval) refusal,
        string? toState,
        IReadOnlyList<IReadOnlyList<ArtefactRequirement>> requirements,
        IReadOnlyList<Payout> payouts,
        IReadOnlyList<Transfer> transfers)
    {
        var response = new ProposeTransitionResponse
        {
            Rejection = (uint)refusal.Rejection,
            RejectionName = refusal.Rejection.ToString(),
            Detail = refusal.Detail,
            GuardRejectionName = refusal.Guard == GuardRejection.None ? string.Empty : refusal.Guard.ToString(),
            ApprovalRejectionName = refusal.Approval == ApprovalRejection.None ? string.Empty : refusal.Approval.ToString(),
            ToState = toState ?? string.Empty,
        };
        response.Requirements.AddRange(requirements.Select(alternatives => string.Join(" or ", alternatives)));
        response.Payouts.AddRange(payouts.Select(ToProto));
        if (payouts.Count > 0)
        {
            response.ApprovalMessage = ByteString.CopyFrom(ApprovalMessage.Of(id, transitionNumber, eventNumber, payouts));
        }

        response.TransferIds.AddRange(transfers.Select(t => WireIds.Bytes(t.Id.Value)));
        return response;
    }

    /// <summary>A refused event is a status naming the rule (INVALID_ARGUMENT for a malformed command, else FAILED_PRECONDITION); a refused posting names the ledger's results.</summary>
    private static void ThrowIfNotApplied(CaseRejection rejection, GuardRejection guard, ApprovalRejection approval, string detail, ulong? leafIndex, Engine.Escrow.LedgerBatchOutcome? accounts, Engine.Escrow.LedgerBatchOutcome? transfers)
    {
        if (rejection != CaseRejection.None)
        {
            string why = guard != GuardRejection.None ? $"{rejection}/{guard}" : approval != ApprovalRejection.None ? $"{rejection}/{approval}" : rejection.ToString();
            StatusCode code = rejection is CaseRejection.CommandInvalid or CaseRejection.ConditionSetInvalid or CaseRejection.ArtefactCountMismatch ? StatusCode.InvalidArgument : StatusCode.FailedPrecondition;
            throw new RpcException(new Status(code, $"{why}: {detail}; nothing was booked or recorded"));
        }

        if (leafIndex is null)
        {
            IEnumerable<string> results = (transfers?.TransferResults.Select(r => r.ToString()) ?? []).Concat(accounts?.AccountResults.Select(r => r.ToString()) ?? []);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"LedgerRefused: the ledger refused the event's postings ({string.Join(", ", results)}); the transition was not recorded"));
        }
    }

    private static ApplyTransitionResponse Applied(ulong leafIndex, uint state, string stateName, IReadOnlyList<Transfer> booked, Engine.Escrow.LedgerBatchOutcome? transfers, IReadOnlyList<Payout> payouts)
    {
        var response = new ApplyTransitionResponse { LeafIndex = leafIndex, State = state, StateName = stateName };
        response.TransferIds.AddRange(booked.Select(t => WireIds.Bytes(t.Id.Value)));
        response.TransferResultNames.AddRange(transfers?.TransferResults.Select(r => r.ToString()) ?? []);
        response.Payouts.AddRange(payouts.Select(ToProto));
        return response;
    }

    /// <summary>The approvals of a case event, each fingerprint 32 bytes.</summary>
    private static PayoutApproval[] ApprovalsOf(IReadOnlyList<CaseApproval> approvals) =>
        [.. approvals.Select((a, i) => new PayoutApproval(
            a.NotaryPartyId,
            a.KeyFingerprint.Length == Digest.SizeInBytes ? Digest.Read(a.KeyFingerprint.Span) : throw StatusErrors.Invalid($"approvals[{i}].key_fingerprint", "a key fingerprint is 32 bytes"),
            a.Signature.ToByteArray()))];

    private static CaseDeadlineEntry ToProto(CaseDeadline d) => new()
    {
        Rule = (uint)d.Rule,
        RuleName = d.Rule.ToString(),
        From = d.From.ToString(DateFormat, CultureInfo.InvariantCulture),
        LastDay = d.LastDay?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty,
        Met = d.Met,
    };

    private static CaseId CaseIdOf(ByteString bytes) => new CaseId(Id(bytes, "case_id")) is { IsValid: true } id ? id : throw StatusErrors.Invalid("case_id", "a case id is not 0 and not all ones");

    private static MortgageCommand CommandOf(CaseEventRequest request)
    {
        if (request.Event is 0 or > byte.MaxValue || !Enum.IsDefined((MortgageEvent)request.Event))
        {
            throw StatusErrors.Invalid("event", $"event {request.Event} is not a case event (docs/cases.md)");
        }

        if (request.Leg > byte.MaxValue || request.PayeeTarget > byte.MaxValue || (request.PayeeTarget != 0 && !Enum.IsDefined((PayeeTarget)request.PayeeTarget)))
        {
            throw StatusErrors.Invalid(request.Leg > byte.MaxValue ? "leg" : "payee_target", "out of range");
        }

        if (request.Approvals.Count > byte.MaxValue || request.ArtefactLeaves.Count > byte.MaxValue)
        {
            throw StatusErrors.Invalid("approvals", "at most 255 approvals and 255 artefacts");
        }

        return new MortgageCommand(
            (MortgageEvent)request.Event,
            (byte)request.Leg,
            request.AmountFen,
            request.Conditions is null ? null : ConditionsOf(request.Conditions),
            null,
            ApprovalsOf(request.Approvals),
            request.Payee is null ? null : PayeeOf(request.Payee),
            request.PayeeTarget == 0 ? null : (PayeeTarget)request.PayeeTarget);
    }

    private static ConditionSet ConditionsOf(CaseConditions c) => new(
        c.PriceFen,
        [.. c.BuyerPartyIds],
        [.. c.SellerPartyIds],
        [.. c.PayoffLegs.Select(l => new PayoffLeg(
            l.Leg <= byte.MaxValue ? (byte)l.Leg : throw StatusErrors.Invalid("conditions.payoff_legs", "a leg is 1 to 8"),
            (LoanKind)Math.Min(l.LoanKind, byte.MaxValue),
            l.LenderPartyId,
            PayeeOf(l.Payee)))],
        PayeeOf(c.SellerPayee),
        PayeeOf(c.BuyerRefundPayee),
        c.FeeFen,
        c.FeePayer == 0 ? FeePayer.Seller : (FeePayer)Math.Min(c.FeePayer, byte.MaxValue),
        PayeeOf(c.FeePayee),
        c.LoanRoute == 0 ? LoanRoute.None : (LoanRoute)Math.Min(c.LoanRoute, byte.MaxValue),
        c.LoanFen,
        c.BuyerLenderPartyId.Length == 0 ? null : c.BuyerLenderPartyId,
        !c.TitleLockNotRequired,
        c.InterestRule == 0 ? InterestRule.ToPayee : (InterestRule)Math.Min(c.InterestRule, byte.MaxValue));

    private static PayeeAccount PayeeOf(CasePayee? payee) => payee is null ? new PayeeAccount(string.Empty, string.Empty) : new PayeeAccount(payee.BankAccount, payee.Name);

    private static CaseConditions ToProto(ConditionSet c)
    {
        var proto = new CaseConditions
        {
            PriceFen = c.PriceFen,
            SellerPayee = ToProto(c.SellerPayee),
            BuyerRefundPayee = ToProto(c.BuyerRefundPayee),
            FeeFen = c.FeeFen,
            FeePayer = (uint)c.FeePayer,
            FeePayee = ToProto(c.FeePayee),
            LoanRoute = (uint)c.LoanRoute,
            LoanFen = c.LoanFen,
            BuyerLenderPartyId = c.BuyerLenderPartyId ?? string.Empty,
            TitleLockNotRequired = !c.TitleLockRequired,
            InterestRule = (uint)c.InterestRule,
        };
        proto.BuyerPartyIds.AddRange(c.BuyerPartyIds);
        proto.SellerPartyIds.AddRange(c.SellerPartyIds);
        proto.PayoffLegs.AddRange(c.PayoffLegs.Select(l => new CasePayoffLeg { Leg = l.Leg, LoanKind = (uint)l.Kind, LenderPartyId = l.LenderPartyId, Payee = ToProto(l.Payee) }));
        return proto;
    }

    private static CasePayee ToProto(PayeeAccount payee) => new() { BankAccount = payee.BankAccount, Name = payee.Name };

    private static CasePayout ToProto(Payout payout) => new() { TransferId = WireIds.Bytes(payout.TransferId.Value), AmountFen = payout.AmountFen, Payee = ToProto(payout.Payee) };
}
