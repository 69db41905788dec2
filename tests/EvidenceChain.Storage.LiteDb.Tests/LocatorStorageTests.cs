using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Engine.Locators;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

public sealed class LocatorStorageTests : IDisposable
{
    private static readonly string s_owner = new('a', 32);
    private readonly TempDirectory _temp = new();

    [Fact]
    public void SaveLocator_MintedThenRevoked_LatestStateSurvivesReopenAndListsNewestFirst()
    {
        StoredLocator first = new(TestData.Key("first"), 3, s_owner, 10, null);
        StoredLocator second = new(TestData.Key("second"), 3, s_owner, 20, null);
        StoredLocator otherDeposit = new(TestData.Key("other deposit"), 4, s_owner, 30, null);
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.SaveLocator(first);
            store.SaveLocator(second);
            store.SaveLocator(otherDeposit);
            store.SaveLocator(new StoredLocator(TestData.Key("someone else's"), 3, new string('b', 32), 40, null));
            store.SaveLocator(first with { RevokedAtMs = 50 });
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Assert.Equal(first with { RevokedAtMs = 50 }, reopened.FindLocator(first.LocatorHash));
        Assert.Null(reopened.FindLocator(TestData.Key("never minted")));
        Assert.Equal([otherDeposit, second, first with { RevokedAtMs = 50 }], reopened.ReadLocatorsOfOwner(s_owner, null, 10));
        Assert.Equal([second, first with { RevokedAtMs = 50 }], reopened.ReadLocatorsOfOwner(s_owner, 3, 10));
        Assert.Equal([otherDeposit], reopened.ReadLocatorsOfOwner(s_owner, null, 1));
        Assert.Empty(reopened.ReadLocatorsOfOwner(new string('c', 32), null, 10));
    }

    [Fact]
    public void SaveLocator_StoreFiles_HoldOnlyTheLocatorsHashNeverTheLocator()
    {
        ReceiptLocator locator = ReceiptLocator.Create(RandomNumberGenerator.Fill);
        byte[] raw = Convert.FromHexString(locator.ToString());
        string[] files = [Path.Combine(_temp.Path, LiteDbLogStore.DataFileName), Path.Combine(_temp.Path, LiteDbLogStore.LogFileName)];
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.SaveLocator(new StoredLocator(locator.Hash, 0, s_owner, 1, null));
        }

        // The open store locks its files; closed, LiteDB's checkpoint has copied every page the
        // write-ahead log held into the data file.
        AssertHashOnly(files, locator, raw);
    }

    public void Dispose() => _temp.Dispose();

    private static void AssertHashOnly(string[] files, ReceiptLocator locator, byte[] raw)
    {
        byte[] all = [.. files.SelectMany(ReadIfThere)];
        string hex = locator.ToString();

        // The scan finds what is there: the hash, as the document's key.
        Assert.True(Contains(all, Encoding.UTF8.GetBytes(locator.Hash.ToHex())), "the locator's hash is not in the store files; the scan is looking in the wrong place");
        foreach (byte[] needle in new[] { raw, Encoding.UTF8.GetBytes(hex), Encoding.UTF8.GetBytes(hex.ToUpperInvariant()), Encoding.Unicode.GetBytes(hex) })
        {
            Assert.False(Contains(all, needle), "the store files hold the locator itself");
        }
    }

    private static byte[] ReadIfThere(string path) => File.Exists(path) ? File.ReadAllBytes(path) : [];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
