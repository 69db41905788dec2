using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Storage.LiteDb;

namespace EvidenceChain.Engine.Tests;

/// <summary>The registry's use cases over a real LiteDB store.</summary>
public sealed class PartyRegistryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evidencechain-parties-").FullName;
    private readonly LiteDbLogStore _store;
    private readonly PartyRegistry _registry;
    private readonly Caller _office;

    public PartyRegistryTests()
    {
        _store = LiteDbLogStore.Open(_directory);
        _registry = new PartyRegistry(_store, TimeProvider.System, RandomNumberGenerator.Fill);
        Party office = _registry.EnsureOffice("齐鲁公证处 Qilu Notary Office");
        _office = new Caller(office.Id, office.Role);
    }

    [Fact]
    public void EnsureOffice_Twice_OneOffice()
    {
        Party again = _registry.EnsureOffice("another name");

        Assert.Equal(_office.PartyId, again.Id);
        Assert.Single(_store.ReadParties());
    }

    [Fact]
    public void Register_ByTheOffice_PartyWithAFreshIdAndNoKeys()
    {
        Party bank = _registry.Register(_office, PartyRole.Lender, "Example Bank", canApprove: false);

        Assert.True(PartyIds.IsValid(bank.Id));
        Assert.NotEqual(_office.PartyId, bank.Id);
        Party stored = _store.FindParty(bank.Id)!;
        Assert.Equal((bank.Role, bank.DisplayName, bank.RegisteredAtMs), (stored.Role, stored.DisplayName, stored.RegisteredAtMs));
        Assert.Empty(stored.Keys);
    }

    [Theory]
    [InlineData(PartyRole.Notary)]
    [InlineData(PartyRole.Enterprise)]
    [InlineData(PartyRole.Lender)]
    [InlineData(PartyRole.Registry)]
    [InlineData(PartyRole.Court)]
    [InlineData(PartyRole.Appraiser)]
    [InlineData(PartyRole.Auditor)]
    public void EveryChange_ByAnyoneButTheOffice_PermissionDeniedAndNothingChanged(PartyRole role)
    {
        Party target = _registry.Register(_office, PartyRole.Enterprise, "Target Co.", canApprove: false);
        target = _registry.BindKey(_office, target.Id, RandomNumberGenerator.GetBytes(32));
        Party actor = _registry.Register(_office, role, "Actor", canApprove: false);
        var caller = new Caller(actor.Id, role);
        IReadOnlyList<Party> before = _store.ReadParties();

        Action[] changes =
        [
            () => _registry.Register(caller, PartyRole.Enterprise, "New Co.", canApprove: false),
            () => _registry.BindKey(caller, target.Id, RandomNumberGenerator.GetBytes(32)),
            () => _registry.RevokeKey(caller, target.Id, target.Keys[0].Fingerprint),
            () => _registry.RevokeCertificate(caller, target.Id, new string('c', 64)),
            () => _registry.Deactivate(caller, target.Id),
            () => _registry.List(caller),
        ];

        foreach (Action change in changes)
        {
            Assert.Equal(QueryFailure.PermissionDenied, Assert.Throws<QueryException>(change).Failure);
        }

        Assert.Equal(before.Select(p => (p.Id, p.Keys.Count, p.RevokedCertificates.Count, p.DeactivatedAtMs)), _store.ReadParties().Select(p => (p.Id, p.Keys.Count, p.RevokedCertificates.Count, p.DeactivatedAtMs)));
    }

    [Fact]
    public void BindKey_KeyOfAnotherParty_ConflictEvenAfterItsRevocation()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        Party first = _registry.BindKey(_office, _registry.Register(_office, PartyRole.Enterprise, "First", false).Id, key);
        _registry.RevokeKey(_office, first.Id, first.Keys[0].Fingerprint);
        Party second = _registry.Register(_office, PartyRole.Enterprise, "Second", false);

        QueryException refused = Assert.Throws<QueryException>(() => _registry.BindKey(_office, second.Id, key));

        Assert.Equal(QueryFailure.Conflict, refused.Failure);
        Assert.Equal(first.Id, _store.FindPartyByKey(first.Keys[0].Fingerprint)!.Id);
        Assert.Empty(_store.FindParty(second.Id)!.Keys);
    }

    [Fact]
    public void RevokeKey_KeepsTheKeyKnownAndAttributed()
    {
        Party party = _registry.Register(_office, PartyRole.Enterprise, "Depositor Co.", false);
        party = _registry.BindKey(_office, party.Id, RandomNumberGenerator.GetBytes(32));
        party = _registry.BindKey(_office, party.Id, RandomNumberGenerator.GetBytes(32));

        Party revoked = _registry.RevokeKey(_office, party.Id, party.Keys[0].Fingerprint);

        Assert.NotNull(revoked.Keys[0].RevokedAtMs);
        Assert.Null(revoked.Keys[1].RevokedAtMs);
        Assert.False(revoked.Keys[0].IsValidAt(revoked.Keys[0].RevokedAtMs!.Value));
        Assert.True(revoked.Keys[0].IsValidAt(revoked.Keys[0].AddedAtMs));
        Assert.Equal(party.Id, _store.FindPartyByKey(party.Keys[0].Fingerprint)!.Id);
    }

    [Fact]
    public void Authenticate_RegisteredActiveParty_CallerWithItsRegisteredRole()
    {
        Party court = _registry.Register(_office, PartyRole.Court, "历下区人民法院", false);

        Caller caller = _registry.Authenticate(court.Id, new string('d', 64));

        Assert.Equal(new Caller(court.Id, PartyRole.Court), caller);
    }

    [Fact]
    public void Authenticate_UnknownDeactivatedOrRevokedCertificate_Unauthenticated()
    {
        Party deactivated = _registry.Deactivate(_office, _registry.Register(_office, PartyRole.Lender, "Gone Bank", false).Id);
        Party revoked = _registry.RevokeCertificate(_office, _registry.Register(_office, PartyRole.Lender, "Bank", false).Id, new string('e', 64));

        (string PartyId, string Certificate)[] refused =
        [
            (new string('0', 32), new string('d', 64)),
            (deactivated.Id, new string('d', 64)),
            (revoked.Id, new string('e', 64)),
        ];

        foreach ((string partyId, string certificate) in refused)
        {
            Assert.Equal(QueryFailure.Unauthenticated, Assert.Throws<QueryException>(() => _registry.Authenticate(partyId, certificate)).Failure);
        }

        Assert.Equal(PartyRole.Lender, _registry.Authenticate(revoked.Id, new string('f', 64)).Role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void Register_BadDisplayName_InvalidArgumentAndNothingStored(string name)
    {
        Assert.Equal(QueryFailure.InvalidArgument, Assert.Throws<QueryException>(() => _registry.Register(_office, PartyRole.Enterprise, name, false)).Failure);
        Assert.Single(_store.ReadParties());
    }

    [Fact]
    public void Register_ApproverWhoIsNotANotary_InvalidArgument()
    {
        Assert.Equal(QueryFailure.InvalidArgument, Assert.Throws<QueryException>(() => _registry.Register(_office, PartyRole.Lender, "Bank", canApprove: true)).Failure);
        Assert.True(_registry.Register(_office, PartyRole.Notary, "Notary Wang", canApprove: true).CanApprove);
    }

    [Fact]
    public void Deactivate_TheOfficeItself_Refused()
    {
        Assert.Equal(QueryFailure.InvalidArgument, Assert.Throws<QueryException>(() => _registry.Deactivate(_office, _office.PartyId)).Failure);
        Assert.True(_store.FindParty(_office.PartyId)!.IsActive);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
