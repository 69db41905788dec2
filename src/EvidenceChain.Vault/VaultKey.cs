using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Vault.Internal;
using NSec.Cryptography;

namespace EvidenceChain.Vault;

/// <summary>
/// The owner's vault key: 32 bytes for XChaCha20-Poly1305, 16 for SM4-GCM, so the length tells the
/// algorithm. It lives in a file of one line of base64 that only its owner may read or change
/// (0600 on POSIX from the moment the file exists); a file that others can read is refused, since
/// whoever reads it reads the vault. The service never sees it. Key bytes never appear in a message
/// or in <see cref="ToString"/>.
/// </summary>
public sealed class VaultKey : IDisposable
{
    /// <summary>A line of base64 and a newline; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 1024;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // XChaCha20-Poly1305: libsodium's guarded memory through NSec; SM4: the bytes, cleared on dispose.
    private readonly Key? _nsecKey;
    private readonly byte[]? _sm4Key;
    private bool _disposed;

    private VaultKey(VaultAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        if (algorithm == VaultAlgorithm.XChaCha20Poly1305)
        {
            _nsecKey = Key.Import(AeadAlgorithm.XChaCha20Poly1305, key, KeyBlobFormat.RawSymmetricKey);
        }
        else
        {
            _sm4Key = key.ToArray();
        }
    }

    /// <summary>The algorithm this key seals with.</summary>
    public VaultAlgorithm Algorithm { get; }

    /// <summary>A new random key for <paramref name="algorithm"/>, in memory only.</summary>
    public static VaultKey Generate(VaultAlgorithm algorithm)
    {
        Span<byte> key = stackalloc byte[VaultFormat.KeyLengthBytes(algorithm)];
        RandomNumberGenerator.Fill(key);
        try
        {
            return new VaultKey(algorithm, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The key <paramref name="key"/> for <paramref name="algorithm"/>; its length must be exactly the algorithm's.</summary>
    public static VaultKey Import(VaultAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        int expected = VaultFormat.KeyLengthBytes(algorithm);
        if (key.Length != expected)
        {
            throw Error.KeyLength(algorithm, key.Length, nameof(key));
        }

        return new VaultKey(algorithm, key);
    }

    /// <summary>
    /// Makes a new random key for <paramref name="algorithm"/> and writes it to <paramref name="path"/>,
    /// a new file created owner-only (0600) and flushed to disk; an existing file is never overwritten.
    /// </summary>
    /// <exception cref="VaultKeyException">The file exists or cannot be written.</exception>
    public static VaultKey GenerateFile(string path, VaultAlgorithm algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] key = new byte[VaultFormat.KeyLengthBytes(algorithm)];
        byte[]? line = null;
        RandomNumberGenerator.Fill(key);
        try
        {
            line = Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Given at creation, so there is no moment at which the file exists readable by others.
                options.UnixCreateMode = OwnerOnly;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException e) when (File.Exists(path) || Directory.Exists(path))
            {
                throw Error.Key(VaultKeyProblem.Exists, path, string.Empty, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Error.Key(VaultKeyProblem.Unwritable, path, e.Message, e);
            }

            return new VaultKey(algorithm, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (line is not null)
            {
                CryptographicOperations.ZeroMemory(line);
            }
        }
    }

    /// <summary>
    /// The key in <paramref name="path"/>: one line of base64 of 32 bytes (XChaCha20-Poly1305) or 16
    /// (SM4-GCM). On POSIX the file's mode is read from the open handle and must grant nothing to
    /// group or others.
    /// </summary>
    /// <exception cref="VaultKeyException">The file is missing, unreadable, open to others, or not a key.</exception>
    public static VaultKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] content = new byte[FileLengthMaxBytes + 1];
        byte[] key = new byte[32];
        int length = 0;
        try
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                if (!OperatingSystem.IsWindows())
                {
                    UnixFileMode mode = File.GetUnixFileMode(stream.SafeFileHandle);
                    if ((mode & GroupOrOthers) != 0)
                    {
                        throw Error.Key(VaultKeyProblem.OpenToOthers, path, "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0'));
                    }
                }

                length = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw Error.Key(VaultKeyProblem.NotFound, path, string.Empty, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Error.Key(VaultKeyProblem.Unreadable, path, e.Message, e);
            }

            if (length > FileLengthMaxBytes)
            {
                throw Error.Key(VaultKeyProblem.Malformed, path, string.Create(CultureInfo.InvariantCulture, $"more than {FileLengthMaxBytes} bytes"));
            }

            ReadOnlySpan<byte> text = content.AsSpan(0, length);
            text = text.TrimEnd("\n"u8).TrimEnd("\r"u8);
            if (System.Buffers.Text.Base64.DecodeFromUtf8(text, key, out int consumed, out int keyLength) != System.Buffers.OperationStatus.Done
                || consumed != text.Length
                || keyLength is not (16 or 32))
            {
                throw Error.Key(
                    VaultKeyProblem.Malformed,
                    path,
                    string.Create(CultureInfo.InvariantCulture, $"{length} bytes that are not the base64 of a 16- or 32-byte key"));
            }

            return new VaultKey(keyLength == 32 ? VaultAlgorithm.XChaCha20Poly1305 : VaultAlgorithm.Sm4Gcm, key.AsSpan(0, keyLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The algorithm and nothing of the key.</summary>
    public override string ToString() => $"VaultKey({VaultFormat.AlgorithmName(Algorithm)})";

    public void Dispose()
    {
        _disposed = true;
        _nsecKey?.Dispose();
        if (_sm4Key is not null)
        {
            CryptographicOperations.ZeroMemory(_sm4Key);
        }
    }

    /// <summary>A cipher for one writer or reader; SM4-GCM's holds state, so each run gets its own.</summary>
    internal SegmentCipher CreateCipher()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _nsecKey is not null ? new XChaCha20Poly1305SegmentCipher(_nsecKey) : new Sm4GcmSegmentCipher(_sm4Key);
    }
}
