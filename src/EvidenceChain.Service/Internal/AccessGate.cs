using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using System.Threading.RateLimiting;
using Grpc.Core;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Where every RPC learns who calls and asks <see cref="AccessPolicy"/> whether it may: the gRPC
/// methods call it before they touch anything, so a denied call changes nothing. Ownership of a
/// deposit is the party its signing key is bound to, as the registry says. Each party has its own
/// budget of calls per second, so one busy or abusive party cannot starve the others.
/// </summary>
internal sealed class AccessGate(PartyRegistry registry, LogQueries queries, CallerIdentification identification, PartitionedRateLimiter<string> callsPerParty)
{
    /// <summary>
    /// The caller of this call — the development party, or the registered party of the client
    /// certificate (else UNAUTHENTICATED) — charged one call of its budget (else RESOURCE_EXHAUSTED).
    /// </summary>
    public Caller CallerOf(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Caller caller = identification.CallerOf(context);
        Admit(caller);
        return caller;
    }

    /// <summary>Charges one call (a message of a stream counts as one) to the caller's budget.</summary>
    public void Admit(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using RateLimitLease lease = callsPerParty.AttemptAcquire(caller.PartyId);
        if (!lease.IsAcquired)
        {
            string retry = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? $" retry in {after.TotalSeconds:0.#} s" : " retry shortly";
            throw RequestMetrics.WithReason(new RpcException(new Status(StatusCode.ResourceExhausted, $"party {caller.PartyId} is over its budget of calls per second;{retry}")), "rate_limited");
        }
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

    /// <summary>
    /// Checks the caller may read a deposit: its own, or any if its role reads others'. Returns
    /// whose it is and its owner's party id (null if its key is bound to nobody).
    /// </summary>
    public (Ownership Ownership, string? Owner) RequireDeposit(Caller caller, Operation operation, StoredLeaf leaf)
    {
        string? owner = registry.HolderOf(queries.DepositorKeyOf(leaf))?.Party.Id;
        Ownership ownership = owner == caller.PartyId ? Ownership.Own : Ownership.Other;
        Require(caller, operation, ownership);
        return (ownership, owner);
    }

    /// <summary>
    /// The request's signing key must be the caller's own and not revoked; in development mode a
    /// key nobody holds yet is accepted (and bound to the caller once the deposit is accepted).
    /// </summary>
    public void RequireSigningKey(Caller caller, Digest keyFingerprint, long nowMs)
    {
        if (registry.HolderOf(keyFingerprint) is not { } holder)
        {
            if (identification.BindsKeysOnFirstUse)
            {
                return;
            }

            throw StatusErrors.For(new QueryException(QueryFailure.PermissionDenied, "the request's signing key is not bound to your party; ask the notary office to bind it (evidencechain party bind-key)"));
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

    /// <summary>Development mode: after an accepted deposit, its key is the caller's. True when it was bound just now.</summary>
    public bool Accepted(Caller caller, PartyKey signingKey)
    {
        if (!identification.BindsKeysOnFirstUse || registry.HolderOf(signingKey.Fingerprint) is not null)
        {
            return false;
        }

        registry.BindOnFirstUse(caller.PartyId, signingKey);
        return true;
    }
}
