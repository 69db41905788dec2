using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Backups;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>Online backup, restore and rebuild on real LiteDB files (docs/backup.md).</summary>
public sealed class BackupTests : IDisposable
{
    private const int LeavesPerBatch = 20;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Backup_WhileBatchesAppend_RestoresExactlyTheStateOfOneReturnedWrite()
    {
        using LiteDbLogStore store = OpenWithLog(_temp.Child("live"));
        Append(store, "before", 3);
        using var stop = new CancellationTokenSource();
        int appended = 0;
        Task writer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Append(store, "during-" + appended, 1);
                appended++;
            }
        });

        // Let the writer run before and after the snapshot.
        while (Volatile.Read(ref appended) < 3)
        {
            await Task.Delay(10);
        }

        string vkeys = Path.Combine(_temp.Path, "notary.vkeys");
        File.WriteAllText(vkeys, "keys\n");
        BackupManifest manifest = store.Backup(_temp.Child("backup"), [vkeys], 1_700_000_000_000);
        int atBackup = Volatile.Read(ref appended);
        while (Volatile.Read(ref appended) < atBackup + 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(store.LeafCount > manifest.LeafCount, "the writer went on after the backup");
        // A snapshot may fall between a batch and its checkpoint: the checkpoint never passes the leaves.
        Assert.InRange(manifest.LatestCheckpoint!.TreeSize, manifest.LeafCount - LeavesPerBatch, manifest.LeafCount);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_temp.Child("backup/log/log.db")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_temp.Child("backup/manifest.json")));
        }

        StoreCheckReport report = StoreMaintenance.Restore(_temp.Child("backup"), _temp.Child("restored"), replace: false, null);
        Assert.Equal(manifest.LeafCount, report.LeafCount);
        Assert.Equal("keys\n", File.ReadAllText(_temp.Child("restored/notary.vkeys")));
        using LiteDbLogStore restored = LiteDbLogStore.Open(_temp.Child("restored/log"));
        Assert.Equal(manifest.LeafCount, restored.LeafCount);
        Assert.Equal(store.FindCheckpoint(manifest.LatestCheckpoint.TreeSize)!.Root, restored.LatestCheckpoint()!.Root);
        for (ulong at = 0; at < restored.LeafCount; at += LiteDbLogStore.LeavesPerReadMax)
        {
            Assert.Equal(store.ReadLeaves(at, LiteDbLogStore.LeavesPerReadMax).Take((int)Math.Min((ulong)LiteDbLogStore.LeavesPerReadMax, restored.LeafCount - at)), restored.ReadLeaves(at, LiteDbLogStore.LeavesPerReadMax));
        }
    }

    [Fact]
    public void Restore_OneByteChanged_RefusesWithTheDigestsAndWritesNothing()
    {
        using (LiteDbLogStore store = OpenWithLog(_temp.Child("live")))
        {
            Append(store, "a", 4);
            store.Backup(_temp.Child("backup"), [], 1);
        }

        string copy = _temp.Child("backup/log/log.db");
        byte[] bytes = File.ReadAllBytes(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(copy, bytes);

        BackupException refused = Assert.Throws<BackupException>(() => StoreMaintenance.Restore(_temp.Child("backup"), _temp.Child("restored"), replace: false, null));
        Assert.Contains("log/log.db has SHA-256", refused.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Child("restored")));
    }

    [Fact]
    public void Restore_NonEmptyTarget_RefusesUnlessReplacing()
    {
        using (LiteDbLogStore store = OpenWithLog(_temp.Child("live")))
        {
            Append(store, "a", 2);
            store.Backup(_temp.Child("backup"), [], 1);
        }

        Directory.CreateDirectory(_temp.Child("target"));
        File.WriteAllText(_temp.Child("target/something"), "x");

        BackupException refused = Assert.Throws<BackupException>(() => StoreMaintenance.Restore(_temp.Child("backup"), _temp.Child("target"), replace: false, null));
        Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Child("target/log")));

        StoreCheckReport report = StoreMaintenance.Restore(_temp.Child("backup"), _temp.Child("target"), replace: true, null);
        Assert.Equal(2UL * LeavesPerBatch, report.LeafCount);
        Assert.Equal("x", File.ReadAllText(_temp.Child("target/something")));
    }

    [Fact]
    public void Rebuild_KeepsEveryRoot()
    {
        string directory = _temp.Child("live");
        var checkpoints = new List<StoredCheckpoint>();
        var subtrees = new List<(int Level, ulong Index, Digest Hash)>();
        var promises = new List<string>();
        ulong leafCount;
        using (LiteDbLogStore store = OpenWithLog(directory))
        {
            Append(store, "a", 12);
            leafCount = store.LeafCount;
            for (ulong size = 1; size <= leafCount; size++)
            {
                if (store.FindCheckpoint(size) is StoredCheckpoint checkpoint)
                {
                    checkpoints.Add(checkpoint);
                }
            }

            for (int level = 0; (leafCount >> level) > 0; level++)
            {
                for (ulong index = 0; index < leafCount >> level; index++)
                {
                    subtrees.Add((level, index, store.GetSubtree(level, index)));
                }
            }

            for (long batch = 1; store.FindBatch(batch) is StoredBatch stored; batch++)
            {
                promises.Add(stored.PromiseNote);
            }
        }

        (StoreCheckReport before, StoreCheckReport after, _, _) = StoreMaintenance.Rebuild(directory, null);

        Assert.Equal(before, after);
        Assert.True(File.Exists(Path.Combine(directory, "log.db.before-rebuild")), "the original is kept");
        using LiteDbLogStore rebuilt = LiteDbLogStore.Open(directory);
        Assert.Equal(leafCount, rebuilt.LeafCount);
        Assert.Equal(12, checkpoints.Count);
        Assert.All(checkpoints, c => Assert.Equal(c, rebuilt.FindCheckpoint(c.TreeSize)));
        Assert.All(subtrees, s => Assert.Equal(s.Hash, rebuilt.GetSubtree(s.Level, s.Index)));
        Assert.Equal(promises, Enumerable.Range(1, promises.Count).Select(b => rebuilt.FindBatch(b)!.PromiseNote));
    }

    private static LiteDbLogStore OpenWithLog(string directory)
    {
        LiteDbLogStore store = LiteDbLogStore.Open(directory);
        store.CreateIdentity(new LogIdentity(LogOrigin.Create("notary.example", TreeHash.Sha256, RandomNumberGenerator.Fill).ToString(), 1_700_000_000_000));
        return store;
    }

    /// <summary>Appends <paramref name="batches"/> batches, each integrated and followed by a checkpoint with its true root.</summary>
    private static void Append(LiteDbLogStore store, string prefix, int batches)
    {
        using var hasher = new Sha256MerkleHasher();
        for (int b = 0; b < batches; b++)
        {
            store.AppendBatch(TestData.Batch(store, $"{prefix}-{b}", LeavesPerBatch));
            TestData.IntegrateAll(store);
            store.AppendCheckpoint(TestData.Checkpoint(store.IntegratedSize, new CompactRange(store.IntegratedSize, store).Root(hasher)));
        }
    }
}
