using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Pledges;
using EvidenceChain.Pledges;
using EvidenceChain.Service.Internal;
using Grpc.Core;
using Wire = EvidenceChain.Protocol.V1;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// The trade-secret pledge registry over gRPC (docs/pledges.md, docs/service.md#pledges): thin
/// methods that read the wire shapes, ask the policy, and hand commands to <see cref="PledgeDesk"/>,
/// which decides under one writer and answers once the event's leaf is durable. Events are applied by
/// the office, carrying the signatures the acting parties made offline; an asset is read by the
/// parties to it (a lender sees only its own pledges in detail), the office and courts.
/// </summary>
internal sealed class PledgeGrpcService(PledgeDesk desk, AccessGate gate) : Wire.PledgeService.PledgeServiceBase
{
    public override Task<Wire.ProposePledgeEventResponse> ProposePledgeEvent(Wire.PledgeEventRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.OperatePledges);
        PledgeCommand command = PledgeWire.CommandOf(request);
        PledgeProposal proposal = StatusErrors.Run(() => desk.Propose(command));
        PledgeDecision decision = proposal.Decision;
        var response = new Wire.ProposePledgeEventResponse
        {
            Rejection = (uint)decision.Rejection,
            RejectionName = decision.Rejection.ToString(),
            Detail = decision.Detail,
            SignerRejectionName = decision.Signer == SignerRejection.None ? string.Empty : decision.Signer.ToString(),
            Signer = decision.SignerName ?? string.Empty,
            EventNumber = proposal.Number,
            Message = proposal.Message is byte[] message ? Google.Protobuf.ByteString.CopyFrom(message) : Google.Protobuf.ByteString.Empty,
        };

        // Who signs is read from the asset as it stands; the desk's proposal is of the same registry, so the two agree unless an event lands between them.
        SignerRequirement signers = PledgeRules.Signers(desk.FindAsset(command.AssetId), proposal.Command);
        foreach (IReadOnlyList<SignerSlot> alternative in signers.Alternatives)
        {
            var wire = new Wire.SignerAlternative();
            wire.Slots.AddRange(alternative.Select(PledgeWire.ToWire));
            response.SignerAlternatives.Add(wire);
        }

        response.OptionalSigners.AddRange(signers.Optional.Select(PledgeWire.ToWire));
        response.Deposits.AddRange(proposal.Command.Registration?.Deposits?.Where(d => d is not null).Select(PledgeWire.ToWire) ?? []);
        if (decision.Next is PledgeAsset next)
        {
            response.AssetStateName = next.State.ToString();
            response.PledgeStateName = command.PledgeId is PledgeId id ? next.PledgeOf(id)?.State.ToString() ?? string.Empty : string.Empty;
        }

        return Task.FromResult(response);
    }

    public override async Task<Wire.ApplyPledgeEventResponse> ApplyPledgeEvent(Wire.PledgeEventRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperatePledges);
        PledgeCommand command = PledgeWire.CommandOf(request);
        PledgeOutcome outcome = await StatusErrors.RunAsync(() => desk.ApplyAsync(caller, command, context.CancellationToken)).ConfigureAwait(false);
        PledgeDecision decision = outcome.Decision;
        if (!outcome.IsApplied)
        {
            throw Refusal(decision);
        }

        PledgeTransition transition = decision.Transition!;
        Pledge? pledge = command.PledgeId is PledgeId id ? decision.Next!.PledgeOf(id) : null;
        return new Wire.ApplyPledgeEventResponse
        {
            LeafIndex = outcome.LeafIndex!.Value,
            EventNumber = transition.Number,
            AssetState = (uint)transition.AssetTo,
            AssetStateName = transition.AssetTo.ToString(),
            PledgeState = (uint)(transition.PledgeTo ?? 0),
            PledgeStateName = transition.PledgeTo?.ToString() ?? string.Empty,
            Split = command.Event == PledgeEvent.RecordProceeds && pledge?.Split is ProceedsSplit split ? PledgeWire.ToWire(split) : null,
            Detail = decision.Detail,
        };
    }

    public override Task<Wire.GetAssetResponse> GetAsset(Wire.GetAssetRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AssetId id = PledgeWire.AssetIdOf(request.AssetId);
        PledgeAsset asset = Readable(caller, id);
        bool seesAll = SeesAllPledges(caller, asset);
        var response = new Wire.GetAssetResponse
        {
            AssetId = WireIds.Bytes(asset.Id.Value),
            OwnerPartyId = asset.OwnerPartyId,
            State = (uint)asset.State,
            StateName = asset.State.ToString(),
            Category = asset.Category,
            PledgesShown = seesAll ? "all" : "own",
            EventCount = asset.EventCount,
        };
        response.Deposits.AddRange(asset.Deposits.Select(PledgeWire.ToWire));
        response.Valuations.AddRange(asset.Valuations.Select(v => PledgeWire.ToWire(new ValuationLine(v.AppraiserPartyId, v.ValueFen, v.Date, v.ReportDigest, v.MatchedRoots))));
        response.Pledges.AddRange(asset.Pledges.Where(p => seesAll || IsPartyTo(caller, p)).Select(PledgeWire.ToWire));
        response.Dealings.AddRange(asset.Dealings.Select(PledgeWire.ToWire));
        return Task.FromResult(response);
    }

    public override Task<Wire.GetEncumbranceStatementResponse> GetEncumbranceStatement(Wire.GetEncumbranceStatementRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AssetId id = PledgeWire.AssetIdOf(request.AssetId);
        Readable(caller, id);
        EncumbranceStatement statement = StatusErrors.Run(() => desk.EncumbranceStatement(id, request.AsOfEvent == 0 ? null : request.AsOfEvent));
        var response = new Wire.GetEncumbranceStatementResponse
        {
            StatementJson = statement.Pages[0].ToJson(),
            TreeSize = statement.Pages[0].StatedTreeSize,
            ClaimNote = statement.ClaimNote,
            AskedAsOfEvent = request.AsOfEvent,
        };
        response.MoreStatementJson.AddRange(statement.Pages.Skip(1).Select(p => p.ToJson()));
        response.DepositReceiptsJson.AddRange(statement.DepositReceipts.Select(r => r.ReceiptJson ?? string.Empty));
        if (statement.View is Encumbrance view)
        {
            response.AsOfEvent = view.AsOfEventNumber;
            response.OwnerPartyId = view.OwnerPartyId;
            response.Category = view.Category;
            response.SecretDeposits.AddRange(view.SecretDeposits.Select(PledgeWire.ToWire));
            response.Valuations.AddRange(view.Valuations.Select(PledgeWire.ToWire));
            response.PledgesInForce.AddRange(view.PledgesInForce.Select(PledgeWire.ToWire));
            response.Notice = view.Notice;
        }

        return Task.FromResult(response);
    }

    /// <summary>
    /// A refusal as a status: the rule broken, the signer at fault or missing, and the sentence.
    /// CommandInvalid is a malformed request (INVALID_ARGUMENT); every other rule is the registry's
    /// state or the signatures (FAILED_PRECONDITION). Nothing was recorded either way.
    /// </summary>
    private static RpcException Refusal(PledgeDecision decision)
    {
        string signer = decision.Signer == SignerRejection.None ? string.Empty : $" ({decision.Signer}: {decision.SignerName})";
        string message = $"{decision.Rejection}{signer}: {decision.Detail}; nothing was recorded";
        return decision.Rejection == PledgeRejection.CommandInvalid
            ? StatusErrors.Invalid("request", message)
            : new RpcException(new Status(StatusCode.FailedPrecondition, message));
    }

    /// <summary>
    /// The asset, once the policy lets the caller read it. An asset that does not exist is "other", so
    /// a party that may read only its own assets is denied alike whether it exists or not: asking
    /// tells it nothing about other parties' assets.
    /// </summary>
    private PledgeAsset Readable(Caller caller, AssetId id)
    {
        PledgeAsset? asset = desk.FindAsset(id);
        AccessGate.Require(caller, Operation.ReadPledges, asset is not null && IsPartyTo(caller, asset) ? Ownership.Own : Ownership.Other);
        return asset ?? throw new RpcException(new Status(StatusCode.NotFound, $"there is no asset {id} in the pledge registry"));
    }

    private static bool IsPartyTo(Caller caller, PledgeAsset asset) =>
        asset.OwnerPartyId == caller.PartyId || asset.Pledges.Any(p => IsPartyTo(caller, p));

    private static bool IsPartyTo(Caller caller, Pledge pledge) =>
        pledge.Terms.PledgorPartyId == caller.PartyId || pledge.Terms.PledgeePartyId == caller.PartyId;

    /// <summary>The office, courts and the current owner see every pledge; a lender (or a former owner) only those it is party to.</summary>
    private static bool SeesAllPledges(Caller caller, PledgeAsset asset) =>
        caller.Role is PartyRole.NotaryOffice or PartyRole.Notary or PartyRole.Court || asset.OwnerPartyId == caller.PartyId;
}
