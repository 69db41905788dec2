using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>Custody trails over gRPC: a party's own, or anyone's for the notary office.</summary>
internal sealed class CustodyGrpcService(CustodyLog custody, AccessGate gate) : CustodyService.CustodyServiceBase
{
    private const int DefaultLimit = 100;

    public override Task<GetCustodyTrailResponse> GetCustodyTrail(GetCustodyTrailRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        string partyId = request.PartyId.Length == 0 ? caller.PartyId : request.PartyId;
        if (!PartyIds.IsValid(partyId))
        {
            throw StatusErrors.Invalid("party_id", "a party id is 32 lowercase hex digits, or empty for your own");
        }

        AccessGate.Require(caller, Operation.ReadCustodyTrail, partyId == caller.PartyId ? Ownership.Own : Ownership.Other);
        CustodyTrailPage page = StatusErrors.Run(() => custody.TrailOf(partyId, request.FromLeafIndex, request.Limit == 0 ? DefaultLimit : (int)Math.Min(request.Limit, int.MaxValue)));
        return Task.FromResult(new GetCustodyTrailResponse
        {
            TrailJson = page.Trail.ToJson(),
            NextLeafIndex = page.NextLeafIndex,
            MorePending = page.MorePending,
        });
    }
}
