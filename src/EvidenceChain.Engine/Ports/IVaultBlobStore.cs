using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Where the service keeps owners' vault files (docs/vault.md §Custody): ciphertext only, each named
/// by the SHA-256 of its bytes, so the same file kept twice is one blob.
/// </summary>
public interface IVaultBlobStore
{
    /// <summary>Bytes free for new blobs on the store's volume.</summary>
    long AvailableFreeBytes { get; }

    /// <summary>A new upload: a file of its own that becomes a blob only on <see cref="IVaultBlobUpload.Commit"/>.</summary>
    IVaultBlobUpload BeginUpload();

    /// <summary>The kept blob named by <paramref name="ciphertextSha256"/>, to read from its start; null when there is none.</summary>
    Stream? OpenRead(Digest ciphertextSha256);
}

/// <summary>One upload in progress; disposing it uncommitted deletes what it wrote.</summary>
public interface IVaultBlobUpload : IDisposable
{
    /// <summary>Where the upload's bytes are written.</summary>
    Stream Content { get; }

    /// <summary>
    /// Makes the upload durable as the blob named by <paramref name="ciphertextSha256"/>, the SHA-256
    /// of the bytes written: flushed to disk, renamed into place, the directory flushed. A blob already
    /// kept under that name stays as it is (it holds the same bytes) and the upload is dropped.
    /// </summary>
    void Commit(Digest ciphertextSha256);
}
