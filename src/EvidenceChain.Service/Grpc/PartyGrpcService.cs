using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
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
/// which checks the policy (only the office changes parties) before it changes anything.
/// </summary>
internal sealed class PartyGrpcService(PartyRegistry registry, IPartyStore parties, AccessGate gate) : PartyService.PartyServiceBase
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

        return Answer(() => registry.Register(gate.CallerOf(context), (CorePartyRole)(int)request.Role, request.DisplayName, request.CanApprove));
    }

    public override Task<ProtoParty> BindKey(BindKeyRequest request, ServerCallContext context)
    {
        CorePartyKeyAlgorithm algorithm = request.Algorithm switch
        {
            KeyAlgorithm.Unspecified or KeyAlgorithm.Ed25519 => CorePartyKeyAlgorithm.Ed25519,
            KeyAlgorithm.Sm2 => CorePartyKeyAlgorithm.Sm2,
            _ => throw StatusErrors.Invalid("algorithm", $"key algorithm {(int)request.Algorithm} is not Ed25519 (1) or SM2 (2)"),
        };
        return Answer(() => registry.BindKey(gate.CallerOf(context), request.PartyId, algorithm, request.PublicKey.ToByteArray(), request.Sm2UserId.ToByteArray()));
    }

    public override Task<ProtoParty> RevokeKey(RevokeKeyRequest request, ServerCallContext context)
    {
        string fingerprint = request.KeyFingerprint;
        if (fingerprint.Length != 2 * Digest.SizeInBytes || !fingerprint.All(char.IsAsciiHexDigitLower))
        {
            throw StatusErrors.Invalid("key_fingerprint", "a key fingerprint is 64 lowercase hex digits");
        }

        return Answer(() => registry.RevokeKey(gate.CallerOf(context), request.PartyId, Digest.FromHex(fingerprint)));
    }

    public override Task<ProtoParty> RevokeCertificate(RevokeCertificateRequest request, ServerCallContext context) =>
        Answer(() => registry.RevokeCertificate(gate.CallerOf(context), request.PartyId, request.CertificateFingerprint));

    public override Task<ProtoParty> DeactivateParty(DeactivatePartyRequest request, ServerCallContext context) =>
        Answer(() => registry.Deactivate(gate.CallerOf(context), request.PartyId));

    public override Task<ListPartiesResponse> ListParties(ListPartiesRequest request, ServerCallContext context)
    {
        var response = new ListPartiesResponse();
        response.Parties.AddRange(StatusErrors.Run(() => registry.List(gate.CallerOf(context))).Select(ToProto));
        return Task.FromResult(response);
    }

    private static Task<ProtoParty> Answer(Func<Party> change) => Task.FromResult(ToProto(StatusErrors.Run(change)));

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
