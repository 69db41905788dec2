using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Locators;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Grpc.Core;
using ProtoReceiptLocator = EvidenceChain.Protocol.V1.ReceiptLocator;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// LocatorService over gRPC: a deposit's owner mints, lists and revokes the locators that publish
/// its receipt on the public listener. Each RPC asks the policy first; the engine asks again.
/// </summary>
internal sealed class LocatorGrpcService(ReceiptLocators locators, LogQueries queries, AccessGate gate) : LocatorService.LocatorServiceBase
{
    private const int DefaultLimit = 100;

    public override async Task<MintLocatorResponse> MintLocator(MintLocatorRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        StoredLeaf leaf = StatusErrors.Run(() => request.DepositCase switch
        {
            MintLocatorRequest.DepositOneofCase.DepositId => queries.FindLeaf(ParseHex(request.DepositId, "deposit_id", "a deposit id is the leaf hash: 64 lowercase hex digits")),
            MintLocatorRequest.DepositOneofCase.LeafIndex => queries.FindLeaf(request.LeafIndex),
            _ => throw StatusErrors.Invalid("deposit", "give a deposit_id or a leaf_index"),
        });
        gate.RequireDeposit(caller, Operation.ManageLocators, leaf);
        MintedLocator minted = await StatusErrors.RunAsync(() => locators.MintAsync(caller, leaf, context.CancellationToken)).ConfigureAwait(false);
        return new MintLocatorResponse
        {
            Locator = minted.Locator.ToString(),
            Path = PublicRoutes.ReceiptPath(minted.Locator.ToString()),
            Info = ToProto(minted.Stored, leaf.LeafHash),
        };
    }

    public override async Task<ProtoReceiptLocator> RevokeLocator(RevokeLocatorRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        Digest locatorId = request.WhichCase switch
        {
            RevokeLocatorRequest.WhichOneofCase.Locator => Engine.Locators.ReceiptLocator.TryParse(request.Locator, out Engine.Locators.ReceiptLocator locator)
                ? locator.Hash
                : throw StatusErrors.Invalid("locator", $"a locator is {Engine.Locators.ReceiptLocator.TextLength} lowercase hex digits"),
            RevokeLocatorRequest.WhichOneofCase.LocatorId => ParseHex(request.LocatorId, "locator_id", "a locator id is the locator's SHA-256: 64 lowercase hex digits"),
            _ => throw StatusErrors.Invalid("which", "give the locator or its locator_id"),
        };

        // Whose it is decides whether the caller may: the policy is asked here, before anything changes.
        StoredLocator? found = locators.Find(locatorId);
        AccessGate.Require(caller, Operation.ManageLocators, found is null || found.OwnerPartyId == caller.PartyId ? Ownership.Own : Ownership.Other);
        StoredLocator revoked = await StatusErrors.RunAsync(() => locators.RevokeAsync(caller, locatorId, context.CancellationToken)).ConfigureAwait(false);
        return ToProto(revoked, StatusErrors.Run(() => queries.FindLeaf(revoked.LeafIndex)).LeafHash);
    }

    public override Task<ListLocatorsResponse> ListLocators(ListLocatorsRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.ManageLocators, Ownership.Own);
        int limit = request.Limit == 0 ? DefaultLimit : (int)Math.Min(request.Limit, int.MaxValue);
        IReadOnlyList<StoredLocator> owned = StatusErrors.Run(() => locators.List(caller, request.HasLeafIndex ? request.LeafIndex : null, limit));
        var response = new ListLocatorsResponse();
        response.Locators.AddRange(owned.Select(l => ToProto(l, StatusErrors.Run(() => queries.FindLeaf(l.LeafIndex)).LeafHash)));
        return Task.FromResult(response);
    }

    private static ProtoReceiptLocator ToProto(StoredLocator locator, Digest depositId) => new()
    {
        LocatorId = locator.LocatorHash.ToHex(),
        LeafIndex = locator.LeafIndex,
        DepositId = depositId.ToHex(),
        MintedAtMs = locator.MintedAtMs,
        RevokedAtMs = locator.RevokedAtMs ?? 0,
    };

    private static Digest ParseHex(string text, string field, string description) =>
        text.Length == 2 * Digest.SizeInBytes && text.All(char.IsAsciiHexDigitLower)
            ? Digest.FromHex(text)
            : throw StatusErrors.Invalid(field, description);
}
