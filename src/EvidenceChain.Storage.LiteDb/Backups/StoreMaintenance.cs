using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Engine.Ports;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>
/// The store's offline operations (docs/backup.md), run with the service stopped: check a store against its roots,
/// restore a backup into a data directory, and rebuild (shrink) the LiteDB file without changing any root.
/// </summary>
public static class StoreMaintenance
{
    /// <summary>The store's directory inside a service data directory.</summary>
    public const string StoreDirectoryName = "log";

    /// <summary>
    /// Recomputes the latest checkpoint's root from every leaf, checks every stored subtree on the way and the root
    /// folded from the stored subtrees, the root at <paramref name="expected"/>'s anchored size, and, with
    /// <paramref name="verifierKeys"/>, the latest checkpoint's signatures. With <paramref name="expected"/> (a
    /// backup's manifest) the origin, leaf count and latest checkpoint must be the manifest's.
    /// </summary>
    /// <exception cref="BackupException">Anything differs; the message names what and both values.</exception>
    public static StoreCheckReport Check(LiteDbLogStore store, BackupManifest? expected, IReadOnlyList<NoteVerifier>? verifierKeys)
    {
        ArgumentNullException.ThrowIfNull(store);
        LogIdentity identity = store.ReadIdentity() ?? throw new BackupException("The store holds no log.");
        if (!LogOrigin.TryParse(identity.Origin, out LogOrigin? origin))
        {
            throw new BackupException($"The store's origin '{identity.Origin}' is not an EvidenceChain origin.");
        }

        StoredCheckpoint latest = store.LatestCheckpoint() ?? throw new BackupException("The store holds no signed checkpoint.");
        if (expected is not null)
        {
            Require(expected.Origin == identity.Origin, $"the store is log {identity.Origin}, the manifest says {expected.Origin}");
            Require(expected.LeafCount == store.LeafCount, $"the store holds {store.LeafCount} leaves, the manifest says {expected.LeafCount}");
            Require(
                expected.LatestCheckpoint is BackupCheckpoint named && named.TreeSize == latest.TreeSize && named.Root == latest.Root.ToHex(),
                $"the store's latest checkpoint is size {latest.TreeSize} root {latest.Root}, the manifest says size {expected.LatestCheckpoint?.TreeSize} root {expected.LatestCheckpoint?.Root}");
        }

        bool signaturesChecked = false;
        if (verifierKeys is not null)
        {
            Verdict verdict = CheckpointVerifier.Verify(latest.Note, verifierKeys, out VerifiedCheckpoint? verified);
            Require(verdict.IsValid, $"the latest checkpoint's signatures do not verify with the log's keys: {verdict.Detail}");
            Require(
                verified!.Checkpoint.TreeSize == latest.TreeSize && verified.Checkpoint.Root == latest.Root,
                $"the latest checkpoint's note says size {verified.Checkpoint.TreeSize} root {verified.Checkpoint.Root}, the store says size {latest.TreeSize} root {latest.Root}");
            signaturesChecked = true;
        }

        using MerkleHasher hasher = MerkleHasher.Create(origin!.TreeHash);
        ulong anchoredSize = expected?.LatestAnchoredCheckpoint?.TreeSize ?? 0;
        Digest? anchoredRoot = null;
        var range = new CompactRange();
        ulong subtrees = 0;
        for (ulong at = 0; at < latest.TreeSize;)
        {
            IReadOnlyList<byte[]> leaves = store.ReadLeaves(at, (int)Math.Min(LiteDbLogStore.LeavesPerReadMax, latest.TreeSize - at));
            foreach (byte[] leaf in leaves)
            {
                range.Append(hasher, hasher.HashLeaf(leaf), (level, index, hash) =>
                {
                    Digest stored = store.GetSubtree(level, index);
                    Require(stored == hash, $"the stored subtree at level {level}, index {index} is {stored}, the leaves give {hash}");
                    subtrees++;
                });
                at++;
                if (at == anchoredSize)
                {
                    anchoredRoot = range.Root(hasher);
                }
            }
        }

        Digest fromLeaves = range.Root(hasher);
        Require(fromLeaves == latest.Root, $"the latest checkpoint (size {latest.TreeSize}) has root {latest.Root}, the leaves give {fromLeaves}");
        Digest fromSubtrees = new CompactRange(latest.TreeSize, store).Root(hasher);
        Require(fromSubtrees == latest.Root, $"the latest checkpoint (size {latest.TreeSize}) has root {latest.Root}, the stored subtrees give {fromSubtrees}");
        if (expected?.LatestAnchoredCheckpoint is BackupCheckpoint anchored)
        {
            Require(
                anchoredRoot is Digest root && root.ToHex() == anchored.Root,
                $"the anchored checkpoint of size {anchored.TreeSize} has root {anchored.Root}, the leaves give {anchoredRoot?.ToHex() ?? "nothing (the store is smaller)"}");
        }

        return new StoreCheckReport(identity.Origin, store.LeafCount, latest.TreeSize, latest.Root, subtrees, expected?.LatestAnchoredCheckpoint, signaturesChecked, store.RootsDigest());
    }

    /// <summary>
    /// Restores the backup in <paramref name="backupDirectory"/> into <paramref name="dataDirectory"/>: checks the
    /// manifest and every file's length and SHA-256 first (nothing is written if one differs), refuses a data
    /// directory that holds anything unless <paramref name="replace"/> (then the store and the files the backup holds
    /// are replaced, and a stale LiteDB log is removed), copies into a staging directory, checks the copies' digests,
    /// opens and <see cref="Check"/>s the staged store, and only then moves it into place.
    /// </summary>
    /// <exception cref="BackupException">The backup is damaged or incomplete, the target is not empty, or the restored store does not check.</exception>
    public static StoreCheckReport Restore(string backupDirectory, string dataDirectory, bool replace, Func<string, IReadOnlyList<NoteVerifier>>? verifierKeysFromRestoredFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string source = Path.GetFullPath(backupDirectory);
        string target = Path.GetFullPath(dataDirectory);
        BackupManifest manifest = BackupManifest.Read(source);
        foreach (BackupFile file in manifest.Files)
        {
            CheckFile(Path.Combine(source, Native(file.Path)), file, "the backup is damaged");
        }

        Require(manifest.Files.Any(f => f.Path == LiteDbLogStore.BackupDataPath), $"the manifest names no {LiteDbLogStore.BackupDataPath}");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !replace)
        {
            throw new BackupException($"The data directory '{target}' is not empty; restore into a new directory, or pass --replace to replace its store (the service must be stopped).");
        }

        LiteDbLogStore.CreatePrivateDirectory(target);
        string staging = Path.Combine(target, ".restoring-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        try
        {
            LiteDbLogStore.CreatePrivateDirectory(staging);
            LiteDbLogStore.CreatePrivateDirectory(Path.Combine(staging, StoreDirectoryName));
            foreach (BackupFile file in manifest.Files)
            {
                BackupFile copied = LiteDbLogStore.CopyPrivate(Path.Combine(source, Native(file.Path)), staging, file.Path);
                Require(copied == file, $"the copy of {file.Path} has SHA-256 {copied.Sha256}, the manifest says {file.Sha256}");
            }

            StoreCheckReport report;
            using (LiteDbLogStore staged = LiteDbLogStore.Open(Path.Combine(staging, StoreDirectoryName)))
            {
                report = Check(staged, manifest, verifierKeysFromRestoredFiles?.Invoke(staging));
            }

            // Checked: move into place. A LiteDB log left from the replaced store would be replayed onto the restored file.
            string store = Path.Combine(target, StoreDirectoryName);
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }

            Directory.Move(Path.Combine(staging, StoreDirectoryName), store);
            foreach (BackupFile file in manifest.Files.Where(f => !f.Path.StartsWith(StoreDirectoryName + "/", StringComparison.Ordinal)))
            {
                File.Move(Path.Combine(staging, Native(file.Path)), Path.Combine(target, Native(file.Path)), overwrite: true);
            }

            Internal.DirectorySync.FlushToDisk(store);
            Internal.DirectorySync.FlushToDisk(target);
            return report;
        }
        finally
        {
            LiteDbLogStore.TryDelete(staging);
        }
    }

    /// <summary>
    /// Rebuilds (compacts) the store's LiteDB file, with the service stopped: every document of every collection is
    /// copied into a fresh file beside it, the store opened on the copy makes its indexes anew, and the copy is
    /// checked against the original (<see cref="Check"/>: every root, and the digest over every stored root) before
    /// it replaces it. The original is kept as <c>log.db.before-rebuild</c>. LiteDB's own <c>Rebuild</c> is not used:
    /// on a 141,507-leaf store LiteDB 5.0.21 fails in it with "Detected loop in FindAll" (docs/backup.md).
    /// </summary>
    /// <returns>The checks before and after, and the data file's length before and after.</returns>
    /// <exception cref="BackupException">The copy does not check; the original is left in place.</exception>
    public static (StoreCheckReport Before, StoreCheckReport After, long LengthBefore, long LengthAfter) Rebuild(string storeDirectory, IReadOnlyList<NoteVerifier>? verifierKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeDirectory);
        string directory = Path.GetFullPath(storeDirectory);
        string dataPath = Path.Combine(directory, LiteDbLogStore.DataFileName);
        Require(File.Exists(dataPath), $"there is no store in '{directory}'");
        StoreCheckReport before;
        using (LiteDbLogStore store = LiteDbLogStore.Open(directory))
        {
            before = Check(store, null, verifierKeys);
        }

        // Closed, the store folded LiteDB's log into the data file: the data file alone is the store now.
        long lengthBefore = new FileInfo(dataPath).Length;
        string staging = directory + ".rebuilding";
        LiteDbLogStore.TryDelete(staging);
        LiteDbLogStore.CreatePrivateDirectory(staging);
        try
        {
            try
            {
                using var source = new LiteDatabase(new ConnectionString { Filename = dataPath, Connection = ConnectionType.Direct, ReadOnly = true });
                using var target = new LiteDatabase(new ConnectionString { Filename = Path.Combine(staging, LiteDbLogStore.DataFileName), Connection = ConnectionType.Direct });
                foreach (string name in source.GetCollectionNames())
                {
                    target.GetCollection(name).InsertBulk(source.GetCollection(name).FindAll(), batchSize: 5000);
                }

                target.Checkpoint();
            }
            catch (LiteException e)
            {
                throw new BackupException($"The rebuild could not copy the store: {e.Message}; the store is unchanged.", e);
            }

            StoreCheckReport after;
            using (LiteDbLogStore rebuilt = LiteDbLogStore.Open(staging))
            {
                after = Check(rebuilt, null, verifierKeys);
            }

            Require(
                after.RootsDigest == before.RootsDigest && after.CheckpointRoot == before.CheckpointRoot && after.LeafCount == before.LeafCount,
                $"the rebuilt copy differs: before {before}, after {after}; the store is unchanged");

            // Checked: the copy replaces the original, which is kept beside it until the operator removes it.
            long lengthAfter = new FileInfo(Path.Combine(staging, LiteDbLogStore.DataFileName)).Length;
            File.Move(dataPath, dataPath + ".before-rebuild", overwrite: false);
            File.Move(Path.Combine(staging, LiteDbLogStore.DataFileName), dataPath);
            File.Move(Path.Combine(staging, LiteDbLogStore.LogFileName), Path.Combine(directory, LiteDbLogStore.LogFileName), overwrite: true);
            Internal.DirectorySync.FlushToDisk(directory);
            return (before, after, lengthBefore, lengthAfter);
        }
        finally
        {
            LiteDbLogStore.TryDelete(staging);
        }
    }

    private static void CheckFile(string path, BackupFile file, string consequence)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"{file.Path} is missing: {consequence}; nothing was written.");
        }

        long lengthBytes = new FileInfo(path).Length;
        if (lengthBytes != file.LengthBytes)
        {
            throw new BackupException($"{file.Path} is {lengthBytes} bytes, the manifest says {file.LengthBytes}: {consequence}; nothing was written.");
        }

        string sha256;
        using (FileStream stream = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (sha256 != file.Sha256)
        {
            throw new BackupException($"{file.Path} has SHA-256 {sha256}, the manifest says {file.Sha256}: {consequence}; nothing was written.");
        }
    }

    private static string Native(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new BackupException("The store does not check: " + what + ".");
        }
    }
}
