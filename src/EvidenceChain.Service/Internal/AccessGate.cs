using EvidenceChain.Core.Access;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using Grpc.Core;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Where every RPC learns who calls and asks <see cref="AccessPolicy"/> whether it may: the gRPC
/// methods call it before they touch anything, so a denied call changes nothing. Ownership of a
/// deposit is the party its signing key is bound to, as the registry says.
/// </summary>
internal sealed class AccessGate(PartyRegistry registry, LogQueries queries, Caller developmentCaller)
{
    /// <summary>The caller of this call (in development mode, the one development party).</summary>
    public Caller CallerOf(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return developmentCaller;
    }

    /// <summary>Throws PERMISSION_DENIED with the policy's reason unless the caller may.</summary>
    public static void Require(Caller caller, Operation operation, Ownership ownership = Ownership.None)
    {
        AccessDecision decision = AccessPolicy.Decide(caller, operation, ownership);
        if (!decision.Allowed)
        {
            throw StatusErrors.For(new QueryException(QueryFailure.PermissionDenied, decision.Reason));
        }
    }

    /// <summary>Checks the caller may read a deposit: its own, or any if its role reads others'.</summary>
    public void RequireDeposit(Caller caller, Operation operation, StoredLeaf leaf) =>
        Require(caller, operation, registry.HolderOf(queries.DepositorKeyOf(leaf)) is { } holder && holder.Party.Id == caller.PartyId ? Ownership.Own : Ownership.Other);

    /// <summary>
    /// The request's signing key must be the caller's own and not revoked; in development mode a
    /// key nobody holds yet is accepted (and bound to the caller once the deposit is accepted).
    /// </summary>
    public void RequireSigningKey(Caller caller, byte[] publicKey, long nowMs)
    {
        if (registry.HolderOf(publicKey) is not { } holder)
        {
            return;
        }

        if (holder.Party.Id != caller.PartyId)
        {
            throw StatusErrors.For(new QueryException(QueryFailure.PermissionDenied, "the request is signed by a key bound to another party; sign with your own key"));
        }

        if (!holder.Key.IsValidAt(nowMs))
        {
            throw StatusErrors.For(new QueryException(QueryFailure.PermissionDenied, $"the request's signing key {holder.Key.Fingerprint} was revoked; ask the notary office to bind a new one"));
        }
    }

    /// <summary>Development mode: after an accepted deposit, its key is the caller's.</summary>
    public void Accepted(Caller caller, byte[] publicKey) => registry.BindOnFirstUse(caller.PartyId, publicKey);

    /// <summary>The development party for <paramref name="role"/>: the office itself, or a party registered by it once.</summary>
    public static Caller DevelopmentCaller(PartyRegistry registry, IPartyStore parties, string host, PartyRole role)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(parties);
        Party office = registry.EnsureOffice($"Notary office ({host})");
        var officeCaller = new Caller(office.Id, office.Role);
        if (role == PartyRole.NotaryOffice)
        {
            return officeCaller;
        }

        string name = $"Development {role}";
        Party party = parties.ReadParties().FirstOrDefault(p => p.Role == role && p.DisplayName == name)
            ?? registry.Register(officeCaller, role, name, canApprove: false);
        return new Caller(party.Id, party.Role);
    }
}
