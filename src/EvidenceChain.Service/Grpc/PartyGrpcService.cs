using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;
using CorePartyKeyAlgorithm = EvidenceChain.Core.Access.PartyKeyAlgorithm;
using CorePartyRole = EvidenceChain.Core.Access.PartyRole;
using Party = EvidenceChain.Core.Access.Party;
using PartyKey = EvidenceChain.Core.Access.PartyKey;
using ProtoParty = EvidenceChain.Protocol.V1.Party;
using ProtoPartyKey = EvidenceChain.Protocol.V1.PartyKey;
using ProtoPartyRole = EvidenceChain.Protocol.V1.PartyRole;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// The party registry over gRPC: thin methods mapping wire shapes to <see cref="PartyRegistry"/>,
/// which checks the policy (only the office changes parties) before it changes anything. Every
/// change is a custody event in the changed party's trail before it is answered.
/// </summary>
internal sealed class PartyGrpcService(PartyRegistry registry, IPartyStore parties, CustodyLog custody, AccessGate gate) : PartyService.PartyServiceBase
{
    public override Task<ProtoParty> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        Party party = parties.FindParty(caller.PartyId) ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "your party is not registered"));
        return Task.FromResult(ToProto(party));
    }

    public override Task<ProtoParty> RegisterParty(RegisterPartyRequest request, ServerCallContext context)
    {
        if (request.Role == ProtoPartyRole.Unspecified || !Enum.IsDefined(request.Role))
        {
            throw StatusErrors.Invalid("role", "give the party's role: notary office, notary, enterprise, lender, registry, court, appraiser or auditor");
        }

        return Change(
            context,
            CustodyAction.PartyRegistered,
            caller => registry.Register(caller, (CorePartyRole)(int)request.Role, request.DisplayName, request.CanApprove),
            party => (CustodySubjectKind.Party, Convert.FromHexString(party.Id)),
            $"registered with role {request.Role}");
    }

    public override Task<ProtoParty> BindKey(BindKeyRequest request, ServerCallContext context)
    {
        CorePartyKeyAlgorithm algorithm = request.Algorithm switch
        {
            KeyAlgorithm.Unspecified or KeyAlgorithm.Ed25519 => CorePartyKeyAlgorithm.Ed25519,
            KeyAlgorithm.Sm2 => CorePartyKeyAlgorithm.Sm2,
            _ => throw StatusErrors.Invalid("algorithm", $"key algorithm {(int)request.Algorithm} is not Ed25519 (1) or SM2 (2)"),
        };
        byte[] publicKey = request.PublicKey.ToByteArray();
        return Change(
            context,
            CustodyAction.KeyBound,
            caller => registry.BindKey(caller, request.PartyId, algorithm, publicKey, request.Sm2UserId.ToByteArray()),
            party => (CustodySubjectKind.Key, party.Keys.Last(k => k.PublicKey.AsSpan().SequenceEqual(publicKey)).Fingerprint.ToArray()),
            $"{algorithm} request-signing key bound by the notary office");
    }

    public override Task<ProtoParty> RevokeKey(RevokeKeyRequest request, ServerCallContext context)
    {
        string fingerprint = request.KeyFingerprint;
        if (fingerprint.Length != 2 * Digest.SizeInBytes || !fingerprint.All(char.IsAsciiHexDigitLower))
        {
            throw StatusErrors.Invalid("key_fingerprint", "a key fingerprint is 64 lowercase hex digits");
        }

        return Change(
            context,
            CustodyAction.KeyRevoked,
            caller => registry.RevokeKey(caller, request.PartyId, Digest.FromHex(fingerprint)),
            _ => (CustodySubjectKind.Key, Convert.FromHexString(fingerprint)),
            "request-signing key revoked by the notary office");
    }

    public override Task<ProtoParty> RevokeCertificate(RevokeCertificateRequest request, ServerCallContext context) =>
        Change(
            context,
            CustodyAction.CertificateRevoked,
            caller => registry.RevokeCertificate(caller, request.PartyId, request.CertificateFingerprint),
            _ => (CustodySubjectKind.Certificate, Convert.FromHexString(request.CertificateFingerprint)),
            "certificate revoked by the notary office");

    public override Task<ProtoParty> DeactivateParty(DeactivatePartyRequest request, ServerCallContext context) =>
        Change(
            context,
            CustodyAction.PartyDeactivated,
            caller => registry.Deactivate(caller, request.PartyId),
            party => (CustodySubjectKind.Party, Convert.FromHexString(party.Id)),
            "party deactivated by the notary office");

    public override Task<ListPartiesResponse> ListParties(ListPartiesRequest request, ServerCallContext context)
    {
        var response = new ListPartiesResponse();
        response.Parties.AddRange(StatusErrors.Run(() => registry.List(gate.CallerOf(context))).Select(ToProto));
        return Task.FromResult(response);
    }

    /// <summary>
    /// Makes the change (the registry checks the policy first), then records it in the changed
    /// party's custody trail and only then answers. A crash between the two leaves the change
    /// without its event; the store and the log are separate writes (docs/formats/custody-event.md).
    /// </summary>
    private async Task<ProtoParty> Change(
        ServerCallContext context,
        CustodyAction action,
        Func<Caller, Party> change,
        Func<Party, (CustodySubjectKind Kind, byte[] Subject)> subjectOf,
        string detail)
    {
        Caller caller = gate.CallerOf(context);
        Party party = StatusErrors.Run(() => change(caller));
        (CustodySubjectKind kind, byte[] subject) = subjectOf(party);
        await StatusErrors.RunAsync(() => custody.RecordAsync(action, caller, [party.Id], kind, subject, detail, context.CancellationToken)).ConfigureAwait(false);
        return ToProto(party);
    }

    private static ProtoParty ToProto(Party party)
    {
        var proto = new ProtoParty
        {
            Id = party.Id,
            Role = (ProtoPartyRole)(int)party.Role,
            DisplayName = party.DisplayName,
            CanApprove = party.CanApprove,
            RegisteredAtMs = party.RegisteredAtMs,
            DeactivatedAtMs = party.DeactivatedAtMs ?? 0,
        };
        proto.Keys.AddRange(party.Keys.Select(ToProto));
        proto.RevokedCertificates.AddRange(party.RevokedCertificates);
        return proto;
    }

    private static ProtoPartyKey ToProto(PartyKey key) => new()
    {
        PublicKey = ByteString.CopyFrom(key.PublicKey),
        Fingerprint = key.Fingerprint.ToHex(),
        AddedAtMs = key.AddedAtMs,
        RevokedAtMs = key.RevokedAtMs ?? 0,
        Algorithm = key.Algorithm == CorePartyKeyAlgorithm.Sm2 ? KeyAlgorithm.Sm2 : KeyAlgorithm.Ed25519,
        Sm2UserId = ByteString.CopyFrom(key.Sm2UserId),
    };
}
