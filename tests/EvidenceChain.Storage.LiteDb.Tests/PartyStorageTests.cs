using EvidenceChain.Core.Access;
using EvidenceChain.Storage.LiteDb.Tests.Support;

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

    public void Dispose() => _temp.Dispose();
}
