using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using Grpc.Core;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Who a call comes from. Development: always the one development party. Mutual TLS: the client
/// certificate must be issued by the deployment CA to a party id (<see cref="PartyCertificateValidator"/>),
/// and that party registered, active and the certificate not revoked (<see cref="PartyRegistry.Authenticate"/>);
/// anything else is UNAUTHENTICATED with the reason.
/// </summary>
internal abstract class CallerIdentification
{
    /// <summary>Whether request keys nobody holds are bound to the caller on first use (development only).</summary>
    public abstract bool BindsKeysOnFirstUse { get; }

    public abstract Caller CallerOf(ServerCallContext context);

    /// <summary>The development party for <paramref name="role"/>: the office itself, or a party registered by it once.</summary>
    public static CallerIdentification Development(PartyRegistry registry, IPartyStore parties, string host, PartyRole role)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(parties);
        Party office = registry.EnsureOffice($"Notary office ({host})");
        var officeCaller = new Caller(office.Id, office.Role);
        if (role == PartyRole.NotaryOffice)
        {
            return new Fixed(officeCaller);
        }

        string name = $"Development {role}";
        Party party = parties.ReadParties().FirstOrDefault(p => p.Role == role && p.DisplayName == name)
            ?? registry.Register(officeCaller, role, name, canApprove: false);
        return new Fixed(new Caller(party.Id, party.Role));
    }

    public static CallerIdentification FromCertificates(PartyCertificateValidator validator, PartyRegistry registry) =>
        new ByCertificate(validator, registry);

    private sealed class Fixed(Caller caller) : CallerIdentification
    {
        public override bool BindsKeysOnFirstUse => true;

        public override Caller CallerOf(ServerCallContext context) => caller;
    }

    private sealed class ByCertificate(PartyCertificateValidator validator, PartyRegistry registry) : CallerIdentification
    {
        public override bool BindsKeysOnFirstUse => false;

        public override Caller CallerOf(ServerCallContext context)
        {
            X509Certificate2? certificate = context.GetHttpContext().Connection.ClientCertificate;
            PartyCertificateVerdict verdict = validator.Verify(certificate);
            if (!verdict.IsValid)
            {
                throw StatusErrors.For(new QueryException(QueryFailure.Unauthenticated, "client certificate refused: " + verdict.Detail));
            }

            return StatusErrors.Run(() => registry.Authenticate(verdict.PartyId!.Value.ToString(), CertificateFingerprint.Sha256Hex(certificate!)));
        }
    }
}
