using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>
/// Vault files as plain files beside the log store (docs/vault.md §Custody): <c>DIR/SHA256.vault</c>,
/// written first under <c>DIR/incoming/</c> and renamed into place only once flushed to disk, so a
/// crash leaves a whole blob or none. They are kept out of the LiteDB file on purpose: a multi-GB
/// ciphertext would swell every copy and rebuild of the log, which stays small.
/// </summary>
public sealed class VaultBlobDirectory : IVaultBlobStore
{
    private const string IncomingDirectoryName = "incoming";
    private const string BlobExtension = ".vault";

    private readonly string _directory;
    private readonly string _incoming;

    private VaultBlobDirectory(string directory)
    {
        _directory = directory;
        _incoming = Path.Combine(directory, IncomingDirectoryName);
    }

    public long AvailableFreeBytes => new DriveInfo(_directory).AvailableFreeSpace;

    /// <summary>Opens (creating it if needed) the blob directory, dropping uploads a crash left unfinished.</summary>
    public static VaultBlobDirectory Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var blobs = new VaultBlobDirectory(Path.GetFullPath(directory));
        foreach (string path in new[] { blobs._directory, blobs._incoming })
        {
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
                DirectorySync.FlushToDisk(Path.GetDirectoryName(path)!);
            }
        }

        // Nothing under incoming/ was ever acknowledged: an upload is answered only after its rename.
        foreach (string unfinished in Directory.EnumerateFiles(blobs._incoming))
        {
            File.Delete(unfinished);
        }

        return blobs;
    }

    public IVaultBlobUpload BeginUpload() => new Upload(this, Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part"));

    public Stream? OpenRead(Digest ciphertextSha256)
    {
        try
        {
            return new FileStream(BlobPath(ciphertextSha256), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private string BlobPath(Digest ciphertextSha256) => Path.Combine(_directory, ciphertextSha256.ToHex() + BlobExtension);

    private sealed class Upload(VaultBlobDirectory owner, string path) : IVaultBlobUpload
    {
        private readonly FileStream _file = new(path, CreateOptions());
        private bool _committed;

        public Stream Content => _file;

        public void Commit(Digest ciphertextSha256)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            string destination = owner.BlobPath(ciphertextSha256);
            if (File.Exists(destination))
            {
                File.Delete(path);
            }
            else
            {
                File.Move(path, destination);
                DirectorySync.FlushToDisk(owner._directory);
            }

            _committed = true;
        }

        private static FileStreamOptions CreateOptions()
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 1024 * 1024,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                // Ciphertext only, yet nobody but the service's account has any business reading it.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return options;
        }

        public void Dispose()
        {
            _file.Dispose();
            if (!_committed)
            {
                File.Delete(path);
            }
        }
    }
}
