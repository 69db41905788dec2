using System.Globalization;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// 带封过户 cases over gRPC (docs/sealed-sale.md): the same shapes and policy as 带押过户 cases,
/// with their own events, terms and the court's distribution plan.
/// </summary>
internal sealed partial class EscrowGrpcService
{
    public override async Task<OpenCaseResponse> OpenSealedSale(OpenCaseRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateCases);
        var opening = new CaseOpening(CaseIdOf(request.CaseId), request.CaseNumber, new AccountId(Id(request.EscrowBankAccount, "escrow_bank_account")), request.Ledger);
        ulong leaf = await StatusErrors.RunAsync(() => cases.OpenSealedSaleAsync(caller, opening, context.CancellationToken)).ConfigureAwait(false);
        return new OpenCaseResponse { LeafIndex = leaf };
    }

    public override Task<ProposeTransitionResponse> ProposeSealedSaleEvent(SealedSaleEventRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.OperateCases);
        CaseId id = CaseIdOf(request.CaseId);
        SealedSaleCommand command = SaleCommandOf(request);
        SealedSaleCase current = SaleOf(id).Case;
        SealedSaleDecision decision = StatusErrors.Run(() => cases.ProposeSaleEvent(id, command, [.. request.ArtefactLeaves]));
        return Task.FromResult(Proposal(
            id,
            current.TransitionCount + 1,
            (byte)command.Event,
            (decision.Rejection, decision.Detail, decision.Guard, decision.Approval),
            decision.Next?.State.ToString(),
            SealedSaleRules.Requirements(current, command),
            decision.Payouts,
            decision.Transfers));
    }

    public override async Task<ApplyTransitionResponse> ApplySealedSaleEvent(SealedSaleEventRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateCases);
        CaseId id = CaseIdOf(request.CaseId);
        SealedSaleCommand command = SaleCommandOf(request);
        SealedSaleOutcome outcome = await StatusErrors.RunAsync(() => cases.ApplySaleEventAsync(caller, id, command, [.. request.ArtefactLeaves], context.CancellationToken)).ConfigureAwait(false);
        SealedSaleDecision decision = outcome.Decision;
        ThrowIfNotApplied(decision.Rejection, decision.Guard, decision.Approval, decision.Detail, outcome.LeafIndex, outcome.Accounts, outcome.Transfers);
        return Applied(outcome.LeafIndex!.Value, (uint)decision.Next!.State, decision.Next.State.ToString(), decision.Transfers, outcome.Transfers, decision.Payouts);
    }

    public override Task<GetSealedSaleResponse> GetSealedSale(GetCaseRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        CaseId id = CaseIdOf(request.CaseId);
        (CaseOpening opening, SealedSaleCase current, long _) = SaleOf(id);
        var response = new GetSealedSaleResponse
        {
            CaseNumber = opening.CaseNumber,
            State = (uint)current.State,
            StateName = current.State.ToString(),
            ResumeStateName = current.Resume?.ToString() ?? string.Empty,
            TransitionCount = current.TransitionCount,
            EnforcingCourtPartyId = current.EnforcingCourtPartyId ?? string.Empty,
            ProposedPriceFen = current.ProposedPriceFen,
            FloorPriceFen = current.FloorPriceFen,
            Terms = current.Conditions is SealedSaleConditions terms ? ToProto(terms) : null,
            DepositDate = Day(current.DepositDate),
            Plan = current.Plan is DistributionPlan plan ? ToProto(plan) : null,
            PlanRevision = current.PlanRevision,
            PlanReceivedDay = Day(current.PlanReceivedDay),
            ObjectionLastDay = Day(cases.ObjectionLastDay(current)),
            RemittedToCourt = current.RemittedToCourt,
            EscrowBankAccount = WireIds.Bytes(current.EscrowBankAccount.Value),
        };
        response.Seizures.AddRange(current.Seizures.Select(s => new SealedSaleSeizure
        {
            Number = s.Number,
            Property = s.Property,
            CourtPartyId = s.CourtPartyId,
            CourtCaseNumber = s.CourtCaseNumber,
            SeizedAtMs = s.SeizedAtMs,
            Rank = (uint)s.Rank,
            ClaimFen = s.ClaimFen,
            ArtefactLeaf = s.ArtefactLeaf,
        }));
        response.TranchesFen.AddRange(current.Tranches);
        response.UnrecordedTransferIds.AddRange(cases.UnrecordedTransfers(id).Select(t => WireIds.Bytes(t.Value)));
        return Task.FromResult(response);
    }

    public override Task<ProposeDistributionResponse> ProposeDistribution(ProposeDistributionRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadCases);
        CaseId id = CaseIdOf(request.CaseId);
        (IReadOnlyList<ClaimTier> tiers, IReadOnlyList<ClaimPayee> payees) = TiersOf(request.Tiers, "tiers");
        (long net, DistributionResult result) = StatusErrors.Run(() => cases.ProposeDistribution(id, tiers));
        var plan = new DistributionPlan(net, tiers, payees, result.Allocations, result.DebtorSurplusFen);
        if (plan.Problem() is string problem)
        {
            throw StatusErrors.Invalid("tiers", problem);
        }

        DigestPair digests = plan.Digests(id);
        return Task.FromResult(new ProposeDistributionResponse
        {
            Plan = ToProto(plan),
            PlanSha256 = ByteString.CopyFrom(Digest.AsBytes(digests.Sha256)),
            PlanSm3 = ByteString.CopyFrom(Digest.AsBytes(digests.Sm3)),
        });
    }

    private (CaseOpening Opening, SealedSaleCase Case, long OpenedAtMs) SaleOf(CaseId id) =>
        cases.FindSale(id) ?? throw new RpcException(new Status(StatusCode.NotFound, cases.Exists(id) ? $"case {id} is a 带押过户 case: use the case calls" : $"there is no case {id}"));

    private static SealedSaleCommand SaleCommandOf(SealedSaleEventRequest request)
    {
        if (request.Event is 0 or > byte.MaxValue || !Enum.IsDefined((SealedSaleEvent)request.Event))
        {
            throw StatusErrors.Invalid("event", $"event {request.Event} is not a 带封过户 event (docs/sealed-sale.md)");
        }

        if (request.Leg > byte.MaxValue)
        {
            throw StatusErrors.Invalid("leg", "a seizure or tranche number is 1 to 255");
        }

        if (request.Approvals.Count > byte.MaxValue || request.ArtefactLeaves.Count > byte.MaxValue)
        {
            throw StatusErrors.Invalid("approvals", "at most 255 approvals and 255 artefacts");
        }

        return new SealedSaleCommand(
            (SealedSaleEvent)request.Event,
            (byte)request.Leg,
            request.AmountFen,
            request.Terms is null ? null : TermsOf(request.Terms),
            request.Plan is null ? null : PlanOf(request.Plan),
            null,
            ApprovalsOf(request.Approvals),
            request.Payee is null ? null : PayeeOf(request.Payee));
    }

    private static SealedSaleConditions TermsOf(SealedSaleTerms t) => new(
        t.PriceFen,
        [.. t.BuyerPartyIds],
        [.. t.DebtorPartyIds],
        (DebtorKind)Math.Min(t.DebtorKind, byte.MaxValue),
        PayeeOf(t.BuyerRefundPayee),
        PayeeOf(t.DebtorPayee),
        DateOnly.TryParseExact(t.PaymentDueDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly due) ? due : throw StatusErrors.Invalid("terms.payment_due_date", $"a date is YYYY-MM-DD, not '{t.PaymentDueDate}'"),
        t.ForfeitOnDefaultFen);

    private static DistributionPlan PlanOf(CourtDistributionPlan p)
    {
        (IReadOnlyList<ClaimTier> tiers, IReadOnlyList<ClaimPayee> payees) = TiersOf(p.Tiers, "plan.tiers");
        return new DistributionPlan(
            p.NetProceedsFen,
            tiers,
            payees,
            [.. p.Allocations.Select(a => new Allocation(Number(a.ClaimNumber, "plan.allocations"), a.AmountFen))],
            p.DebtorSurplusFen);
    }

    private static (IReadOnlyList<ClaimTier> Tiers, IReadOnlyList<ClaimPayee> Payees) TiersOf(IEnumerable<DistributionTier> wire, string field)
    {
        var payees = new List<ClaimPayee>();
        var tiers = new List<ClaimTier>();
        foreach (DistributionTier tier in wire)
        {
            var claims = new List<Claim>();
            foreach (DistributionClaim claim in tier.Claims)
            {
                byte number = Number(claim.Number, field);
                claims.Add(new Claim(number, claim.AmountFen, claim.RankMs));
                payees.Add(new ClaimPayee(number, PayeeOf(claim.Payee)));
            }

            tiers.Add(new ClaimTier((TierKind)Math.Min(tier.Kind, byte.MaxValue), (TierMode)Math.Min(tier.Mode, byte.MaxValue), claims));
        }

        return (tiers, payees);
    }

    private static byte Number(uint number, string field) =>
        number <= byte.MaxValue ? (byte)number : throw StatusErrors.Invalid(field, $"a claim number is 1 to 254, not {number}");

    private static SealedSaleTerms ToProto(SealedSaleConditions c)
    {
        var proto = new SealedSaleTerms
        {
            PriceFen = c.PriceFen,
            DebtorKind = (uint)c.DebtorKind,
            BuyerRefundPayee = ToProto(c.BuyerRefundPayee),
            DebtorPayee = ToProto(c.DebtorPayee),
            PaymentDueDate = c.PaymentDueDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            ForfeitOnDefaultFen = c.ForfeitOnDefaultFen,
        };
        proto.BuyerPartyIds.AddRange(c.BuyerPartyIds);
        proto.DebtorPartyIds.AddRange(c.DebtorPartyIds);
        return proto;
    }

    private static CourtDistributionPlan ToProto(DistributionPlan plan)
    {
        var proto = new CourtDistributionPlan { NetProceedsFen = plan.NetProceedsFen, DebtorSurplusFen = plan.DebtorSurplusFen };
        foreach (ClaimTier tier in plan.Tiers)
        {
            var wire = new DistributionTier { Kind = (uint)tier.Kind, Mode = (uint)tier.Mode };
            wire.Claims.AddRange(tier.Claims.Select(c => new DistributionClaim { Number = c.Number, AmountFen = c.AmountFen, RankMs = c.RankMs, Payee = ToProto(plan.PayeeOf(c.Number)) }));
            proto.Tiers.Add(wire);
        }

        proto.Allocations.AddRange(plan.Allocations.Select(a => new DistributionAllocation { ClaimNumber = a.ClaimNumber, AmountFen = a.AmountFen }));
        return proto;
    }

    private static string Day(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;
}
