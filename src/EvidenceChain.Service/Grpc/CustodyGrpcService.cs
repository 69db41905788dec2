using System.Globalization;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// Custody trails over gRPC: a party's own, or anyone's for the notary office; and the record of a
/// disclosure (custody-event.md, action 10), made by the deposit's depositor or the office.
/// </summary>
internal sealed class CustodyGrpcService(CustodyLog custody, LogQueries queries, PartyRegistry registry, AccessGate gate) : CustodyService.CustodyServiceBase
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

    /// <summary>
    /// Checks the request's shape, that the deposit exists, that the caller may (its depositor or the
    /// office), that every unit index is below the deposit's unit count and that the recipient is an
    /// active registered party other than the caller; only then records, and answers once durable.
    /// A refused request records nothing.
    /// </summary>
    public override async Task<RecordDisclosureResponse> RecordDisclosure(RecordDisclosureRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        Digest depositId = WireIds.DepositId(request.DepositId);
        Digest packageSha256 = ReadDigest(request.PackageSha256, "package_sha256", "SHA-256");
        Digest packageSm3 = ReadDigest(request.PackageSm3, "package_sm3", "SM3");
        if (request.UnitIndexes.Count is 0 or > Disclosure.UnitsMax)
        {
            throw StatusErrors.Invalid("unit_indexes", $"name 1 to {Disclosure.UnitsMax} disclosed units, not {request.UnitIndexes.Count}");
        }

        uint[] indexes = [.. request.UnitIndexes.Order()];
        if (indexes.Distinct().Count() != indexes.Length)
        {
            throw StatusErrors.Invalid("unit_indexes", "a unit index appears twice");
        }

        if (!PartyIds.IsValid(request.RecipientPartyId))
        {
            throw StatusErrors.Invalid("recipient_party_id", "the recipient's party id is 32 lowercase hex digits");
        }

        StoredLeaf leaf = StatusErrors.Run(() => queries.FindLeaf(depositId));
        (_, string? owner) = gate.RequireDeposit(caller, Operation.RecordDisclosure, leaf);
        if (!LeafEnvelope.TryDecodeDeposit(leaf.Leaf, out DepositLeaf? deposit).IsValid)
        {
            throw StatusErrors.Invalid("deposit_id", $"leaf {leaf.LeafIndex} is not a deposit (it is a record of the log), so it has no units to disclose");
        }

        if (indexes[^1] >= deposit!.UnitCount)
        {
            throw StatusErrors.Invalid("unit_indexes", string.Create(CultureInfo.InvariantCulture, $"unit index {indexes[^1]} is out of range: the deposit at leaf {leaf.LeafIndex} has {deposit.UnitCount} units (0 to {deposit.UnitCount - 1})"));
        }

        if (request.RecipientPartyId == caller.PartyId)
        {
            throw StatusErrors.Invalid("recipient_party_id", "the recipient is the party it was disclosed to, not you");
        }

        Core.Access.Party recipient = registry.Find(request.RecipientPartyId) is { DeactivatedAtMs: null } found
            ? found
            : throw StatusErrors.Invalid("recipient_party_id", $"no active party {request.RecipientPartyId} is registered; the notary office registers recipients such as courts");
        var disclosure = new CustodyDisclosure(new DigestPair(packageSha256, packageSm3), deposit.UnitCount, indexes);
        string detail = string.Create(CultureInfo.InvariantCulture, $"{indexes.Length} of {deposit.UnitCount} units of the deposit at leaf {leaf.LeafIndex} disclosed to a party of role {recipient.Role}");
        ulong leafIndex = await StatusErrors.RunAsync(() => custody.RecordDisclosureAsync(caller, owner, recipient.Id, depositId, disclosure, detail, context.CancellationToken)).ConfigureAwait(false);
        return new RecordDisclosureResponse { LeafIndex = leafIndex, UnitCount = deposit.UnitCount };
    }

    private static Digest ReadDigest(Google.Protobuf.ByteString bytes, string field, string algorithm) =>
        bytes.Length == Digest.SizeInBytes
            ? Digest.Read(bytes.Span)
            : throw StatusErrors.Invalid(field, $"the package's {algorithm} digest is {Digest.SizeInBytes} bytes, not {bytes.Length}");
}
