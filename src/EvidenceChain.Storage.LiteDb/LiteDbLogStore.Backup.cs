using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Backups;
using EvidenceChain.Storage.LiteDb.Internal;

namespace EvidenceChain.Storage.LiteDb;

public sealed partial class LiteDbLogStore
{
    /// <summary>The data file's path inside a backup directory.</summary>
    public const string BackupDataPath = "log/" + DataFileName;

    /// <summary>
    /// Takes an online backup into <paramref name="backupDirectory"/>, which must not exist yet
    /// (docs/decisions/0016-online-backup.md). Under the store's write lock and with the engine to
    /// itself, LiteDB folds its log into the data file (fsynced) and the data file is copied: the copy
    /// is exactly the state of the last returned write, and writes wait only for that copy. Then the
    /// <paramref name="companionFiles"/> (small files the service keeps beside the store, such as the
    /// verifier keys) are copied, and <c>manifest.json</c> is written last. Files are 0600, the
    /// directory 0700; everything is fsynced before this returns.
    /// </summary>
    /// <exception cref="BackupException">The directory exists, or a file could not be written; a partial directory is removed.</exception>
    public BackupManifest Backup(string backupDirectory, IReadOnlyList<string> companionFiles, long nowMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupDirectory);
        ArgumentNullException.ThrowIfNull(companionFiles);
        string root = Path.GetFullPath(backupDirectory);
        if (Directory.Exists(root) || File.Exists(root))
        {
            throw new BackupException($"The backup directory '{root}' already exists; a backup goes into a new directory.");
        }

        try
        {
            CreatePrivateDirectory(root);
            CreatePrivateDirectory(Path.Combine(root, "log"));
            var files = new List<BackupFile>();
            string dataCopy = Path.Combine(root, "log", DataFileName);
            StoreState state;
            long heldMs;
            using (FileStream target = CreatePrivateFile(dataCopy))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                long lengthBytes = 0;
                long started = Stopwatch.GetTimestamp();
                lock (_writeLock)
                {
                    state = WritableState();
                    _engine.RunCheckpointed(() => lengthBytes = _dataStream.CopyTo(target, hash));
                }

                heldMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                target.Flush(flushToDisk: true);
                files.Add(new BackupFile(BackupDataPath, lengthBytes, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }

            foreach (string companion in companionFiles)
            {
                files.Add(CopyPrivate(companion, root, Path.GetFileName(companion)));
            }

            StoredAnchor? anchored = ReadAnchors()
                .Where(a => a.Status is AnchorStatus.Included or AnchorStatus.Final && a.TreeSize <= (state.LatestCheckpoint?.TreeSize ?? 0))
                .OrderByDescending(a => a.TreeSize)
                .FirstOrDefault();
            var manifest = new BackupManifest
            {
                Origin = state.Identity?.Origin ?? throw new BackupException("The store holds no log yet: there is nothing to back up."),
                CreatedAtMs = nowMs,
                WritesHeldMs = heldMs,
                LeafCount = state.LeafCount,
                IntegratedSize = state.IntegratedSize,
                NextBatchId = state.NextBatchId,
                LatestCheckpoint = state.LatestCheckpoint is StoredCheckpoint latest ? new BackupCheckpoint(latest.TreeSize, latest.Root.ToHex(), latest.Note) : null,
                LatestAnchoredCheckpoint = anchored is null ? null : new BackupCheckpoint(anchored.TreeSize, anchored.Root.ToHex(), null),
                Files = files,
            };

            // Written last and renamed into place: a directory with a manifest is a whole backup.
            string staged = Path.Combine(root, BackupManifest.FileName + ".tmp");
            using (FileStream stream = CreatePrivateFile(staged))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(staged, Path.Combine(root, BackupManifest.FileName));
            DirectorySync.FlushToDisk(Path.Combine(root, "log"));
            DirectorySync.FlushToDisk(root);
            DirectorySync.FlushToDisk(Path.GetDirectoryName(root)!);
            return manifest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackupException)
        {
            TryDelete(root);
            throw e as BackupException ?? new BackupException($"The backup into '{root}' failed and was removed: {e.Message}", e);
        }
    }

    internal static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    internal static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    internal static BackupFile CopyPrivate(string source, string targetRoot, string relativePath)
    {
        using FileStream input = File.OpenRead(source);
        using FileStream output = CreatePrivateFile(Path.Combine(targetRoot, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 20];
        long lengthBytes = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
            hash.AppendData(buffer, 0, read);
            lengthBytes += read;
        }

        output.Flush(flushToDisk: true);
        return new BackupFile(relativePath, lengthBytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the message the caller throws names the directory.
        }
    }
}
