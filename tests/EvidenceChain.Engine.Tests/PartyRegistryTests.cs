using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Storage.LiteDb;

namespace EvidenceChain.Engine.Tests;

/// <summary>The registry's use cases over a real LiteDB store.</summary>
public sealed class PartyRegistryTests : IDisposable
{
    // GB/T 32918.2-2016 Annex A (sm2p256v1): the public key, and its published signature of
    // "message digest" under the default user ID 1234567812345678.
    private const string GbtPoint = "04"
        + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
        + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";

    private const string GbtSignature = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
        + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

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
    public void BindKey_Sm2KeyWithoutUserId_BoundUnderTheGbTDefaultAndFoundByFingerprint()
    {
        Party court = _registry.Register(_office, PartyRole.Court, "历下区人民法院", false);

        Party bound = _registry.BindKey(_office, court.Id, PartyKeyAlgorithm.Sm2, Convert.FromHexString(GbtPoint), []);

        PartyKey key = Assert.Single(bound.Keys);
        Assert.Equal(PartyKeyAlgorithm.Sm2, key.Algorithm);
        Assert.Equal("1234567812345678", Encoding.ASCII.GetString(key.Sm2UserId));
        Assert.Equal("44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef", key.Fingerprint.ToHex());
        Assert.Equal(court.Id, _registry.HolderOf(key.Fingerprint)!.Value.Party.Id);
        Assert.Equal(PartyKeyAlgorithm.Sm2, _store.FindPartyByKey(key.Fingerprint)!.Keys[0].Algorithm);
    }

    [Fact]
    public void BindKey_SamePointUnderAnotherUserId_AnotherKey()
    {
        Party court = _registry.Register(_office, PartyRole.Court, "Court", false);

        _registry.BindKey(_office, court.Id, PartyKeyAlgorithm.Sm2, Convert.FromHexString(GbtPoint), []);
        Party both = _registry.BindKey(_office, court.Id, PartyKeyAlgorithm.Sm2, Convert.FromHexString(GbtPoint), "judge.li@court.example"u8.ToArray());

        Assert.Equal(2, both.Keys.Count);
        Assert.NotEqual(both.Keys[0].Fingerprint, both.Keys[1].Fingerprint);
    }

    [Fact]
    public void BindKey_Sm2KeyOfAnotherParty_ConflictEvenAfterItsRevocation()
    {
        byte[] point = Convert.FromHexString(GbtPoint);
        Party first = _registry.BindKey(_office, _registry.Register(_office, PartyRole.Lender, "First Bank", false).Id, PartyKeyAlgorithm.Sm2, point, []);
        _registry.RevokeKey(_office, first.Id, first.Keys[0].Fingerprint);
        Party second = _registry.Register(_office, PartyRole.Lender, "Second Bank", false);

        QueryException refused = Assert.Throws<QueryException>(() => _registry.BindKey(_office, second.Id, PartyKeyAlgorithm.Sm2, point, "1234567812345678"u8.ToArray()));
        QueryException again = Assert.Throws<QueryException>(() => _registry.BindKey(_office, first.Id, PartyKeyAlgorithm.Sm2, point, []));

        Assert.Equal(QueryFailure.Conflict, refused.Failure);
        Assert.Equal(QueryFailure.Conflict, again.Failure);
        Assert.Empty(_store.FindParty(second.Id)!.Keys);
        Assert.Single(_store.FindParty(first.Id)!.Keys);
    }

    [Theory]
    [InlineData(PartyKeyAlgorithm.Sm2, "04", "", "65-byte uncompressed point")]
    [InlineData(PartyKeyAlgorithm.Sm2, "02" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13", "", "starts with the byte 04")]
    [InlineData(PartyKeyAlgorithm.Sm2, "04" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD12", "", "not a point on the SM2 curve")]
    [InlineData(PartyKeyAlgorithm.Sm2, GbtPoint, "long", "at most 255 bytes, not 256")]
    [InlineData(PartyKeyAlgorithm.Ed25519, GbtPoint, "", "32 bytes, not 65")]
    [InlineData(PartyKeyAlgorithm.Ed25519, "0000000000000000000000000000000000000000000000000000000000000000", "31", "SM2 keys only")]
    [InlineData((PartyKeyAlgorithm)0, "0000000000000000000000000000000000000000000000000000000000000000", "", "not Ed25519 or SM2")]
    public void BindKey_MalformedKey_InvalidArgumentSayingWhyAndNothingStored(PartyKeyAlgorithm algorithm, string keyHex, string userId, string reason)
    {
        Party party = _registry.Register(_office, PartyRole.Enterprise, "Depositor Co.", false);
        byte[] id = userId == "long" ? new byte[256] : Encoding.ASCII.GetBytes(userId);

        QueryException refused = Assert.Throws<QueryException>(() => _registry.BindKey(_office, party.Id, algorithm, Convert.FromHexString(keyHex), id));

        Assert.Equal(QueryFailure.InvalidArgument, refused.Failure);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_store.FindParty(party.Id)!.Keys);
    }

    [Fact]
    public void RotateKey_BindNewThenRevokeOld_OldSignaturesStillVerifyAtTheirTime()
    {
        Party party = _registry.Register(_office, PartyRole.Lender, "Rotating Bank", false);
        party = _registry.BindKey(_office, party.Id, PartyKeyAlgorithm.Sm2, Convert.FromHexString(GbtPoint), []);
        Digest old = party.Keys[0].Fingerprint;
        long signedAtMs = party.Keys[0].AddedAtMs;

        party = _registry.BindKey(_office, party.Id, RandomNumberGenerator.GetBytes(32));
        party = _registry.RevokeKey(_office, party.Id, old);

        (Party holder, PartyKey oldKey) = _registry.HolderOf(old)!.Value;
        Assert.Equal(party.Id, holder.Id);
        Assert.NotNull(oldKey.RevokedAtMs);
        Assert.False(oldKey.IsValidAt(oldKey.RevokedAtMs!.Value));
        Assert.True(oldKey.IsValidAt(signedAtMs));
        Assert.True(oldKey.Verify("message digest"u8, Convert.FromHexString(GbtSignature)));
        Assert.Equal([PartyKeyAlgorithm.Sm2, PartyKeyAlgorithm.Ed25519], party.Keys.Select(k => k.Algorithm));
        Assert.True(party.Keys[1].IsValidAt(long.MaxValue));
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
