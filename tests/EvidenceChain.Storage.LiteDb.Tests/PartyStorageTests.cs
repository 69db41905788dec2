using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Storage.LiteDb.Tests.Support;
using LiteDB;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Math;

namespace EvidenceChain.Storage.LiteDb.Tests;

public sealed class PartyStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static PartyKey Key(byte seed, long addedAtMs = 1, long? revokedAtMs = null) =>
        new(Enumerable.Repeat(seed, 32).ToArray(), addedAtMs, revokedAtMs);

    private static Party Party(string id, params PartyKey[] keys) =>
        new(id, PartyRole.Enterprise, "Jinan Example Co., Ltd. 济南示例有限公司", false, 10, keys, [], null);

    [Fact]
    public void SaveParty_ChangedThroughItsLife_LatestStateSurvivesReopenAndIsFoundByEveryKey()
    {
        PartyKey first = Key(1);
        PartyKey second = Key(2, addedAtMs: 5);
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.SaveParty(Party(new string('a', 32), first));
            store.SaveParty(Party(new string('a', 32), first with { RevokedAtMs = 6 }, second) with { RevokedCertificates = ["ab"], DeactivatedAtMs = 9 });
            store.SaveParty(Party(new string('b', 32), Key(3)) with { Role = PartyRole.Lender, RegisteredAtMs = 11 });
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Party party = reopened.FindParty(new string('a', 32))!;
        Assert.Equal([6L, null], party.Keys.Select(k => k.RevokedAtMs));
        Assert.Equal(second.PublicKey, party.Keys[1].PublicKey);
        Assert.Equal(["ab"], party.RevokedCertificates);
        Assert.Equal(9L, party.DeactivatedAtMs);
        Assert.Equal("Jinan Example Co., Ltd. 济南示例有限公司", party.DisplayName);
        Assert.Equal(party.Id, reopened.FindPartyByKey(first.Fingerprint)!.Id);
        Assert.Equal(party.Id, reopened.FindPartyByKey(second.Fingerprint)!.Id);
        Assert.Equal(PartyRole.Lender, reopened.FindPartyByKey(Key(3).Fingerprint)!.Role);
        Assert.Null(reopened.FindPartyByKey(Key(4).Fingerprint));
        Assert.Null(reopened.FindParty(new string('c', 32)));
        Assert.Equal([new string('a', 32), new string('b', 32)], reopened.ReadParties().Select(p => p.Id));
    }

    [Fact]
    public void SaveParty_KeyOfAnotherParty_RejectedAndNothingStored()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.SaveParty(Party(new string('a', 32), Key(1)));

        Assert.Throws<InvalidOperationException>(() => store.SaveParty(Party(new string('b', 32), Key(2), Key(1, addedAtMs: 7))));

        Assert.Null(store.FindParty(new string('b', 32)));
        Assert.Null(store.FindPartyByKey(Key(2).Fingerprint));
        Assert.Equal(new string('a', 32), store.FindPartyByKey(Key(1).Fingerprint)!.Id);
    }

    [Fact]
    public void SaveParty_Sm2AndEd25519Keys_AlgorithmAndUserIdSurviveReopenAndFoundByFingerprint()
    {
        var sm2 = new PartyKey(PartyKeyAlgorithm.Sm2, Sm2Point(2), "court@example.cn"u8.ToArray(), 3, 4);
        var sameSm2PointOtherId = new PartyKey(PartyKeyAlgorithm.Sm2, Sm2Point(2), "1234567812345678"u8.ToArray(), 5, null);
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.SaveParty(Party(new string('a', 32), Key(1), sm2, sameSm2PointOtherId));
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Party party = reopened.FindParty(new string('a', 32))!;
        Assert.Equal([PartyKeyAlgorithm.Ed25519, PartyKeyAlgorithm.Sm2, PartyKeyAlgorithm.Sm2], party.Keys.Select(k => k.Algorithm));
        Assert.Equal(Sm2Point(2), party.Keys[1].PublicKey);
        Assert.Equal("court@example.cn"u8.ToArray(), party.Keys[1].Sm2UserId);
        Assert.Equal("1234567812345678"u8.ToArray(), party.Keys[2].Sm2UserId);
        Assert.Empty(party.Keys[0].Sm2UserId);
        Assert.Equal((3L, (long?)4L), (party.Keys[1].AddedAtMs, party.Keys[1].RevokedAtMs));
        Assert.Equal([Key(1).Fingerprint, sm2.Fingerprint, sameSm2PointOtherId.Fingerprint], party.Keys.Select(k => k.Fingerprint));
        Assert.Equal(party.Id, reopened.FindPartyByKey(sm2.Fingerprint)!.Id);
        Assert.Equal(party.Id, reopened.FindPartyByKey(sameSm2PointOtherId.Fingerprint)!.Id);
    }

    [Fact]
    public void FindParty_DocumentStoredBeforeSm2Keys_ItsKeysReadAsEd25519()
    {
        // A party document exactly as the store wrote it before keys had an algorithm and a user ID.
        byte[] publicKey = Enumerable.Repeat((byte)7, 32).ToArray();
        byte[] fingerprint = PartyCommitment.FingerprintEd25519(publicKey).ToArray();
        using (LiteDbLogStore.Open(_temp.Path))
        {
        }

        using (var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_temp.Path, LiteDbLogStore.DataFileName) }))
        {
            database.GetCollection("parties").Insert(new BsonDocument
            {
                ["_id"] = new string('e', 32),
                ["role"] = (int)PartyRole.Lender,
                ["displayName"] = "Old Bank",
                ["canApprove"] = false,
                ["registeredAtMs"] = 10L,
                ["keys"] = new BsonArray(new BsonDocument
                {
                    ["publicKey"] = publicKey,
                    ["fingerprint"] = fingerprint,
                    ["addedAtMs"] = 11L,
                    ["revokedAtMs"] = 12L,
                }),
                ["revokedCertificates"] = new BsonArray(),
                ["deactivatedAtMs"] = BsonValue.Null,
            });
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Party party = reopened.FindPartyByKey(PartyCommitment.FingerprintEd25519(publicKey))!;
        PartyKey key = Assert.Single(party.Keys);
        Assert.Equal(new string('e', 32), party.Id);
        Assert.Equal(PartyKeyAlgorithm.Ed25519, key.Algorithm);
        Assert.Equal(publicKey, key.PublicKey);
        Assert.Empty(key.Sm2UserId);
        Assert.Equal((11L, (long?)12L), (key.AddedAtMs, key.RevokedAtMs));
        Assert.Equal(fingerprint, key.Fingerprint.ToArray());
    }

    [Fact]
    public void SaveParty_Sm2KeyOfAnotherParty_Rejected()
    {
        var sm2 = new PartyKey(PartyKeyAlgorithm.Sm2, Sm2Point(3), "1234567812345678"u8.ToArray(), 1, null);
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.SaveParty(Party(new string('a', 32), sm2));

        Assert.Throws<InvalidOperationException>(() => store.SaveParty(Party(new string('b', 32), sm2 with { AddedAtMs = 9 })));

        Assert.Null(store.FindParty(new string('b', 32)));
    }

    /// <summary>k·G on sm2p256v1, uncompressed: a valid SM2 public key.</summary>
    private static byte[] Sm2Point(int k) => GMNamedCurves.GetByName("sm2p256v1").G.Multiply(BigInteger.ValueOf(k)).Normalize().GetEncoded(false);

    public void Dispose() => _temp.Dispose();
}
