using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EvidenceChain.Certificates;

/// <summary>
/// Certificates and their private keys as PEM files (RFC 7468): <c>NAME.crt.pem</c> holds the
/// certificate (mode 0644: anyone may read it) and <c>NAME.key.pem</c> the unencrypted PKCS#8 private
/// key (mode 0600, given when the file is created, so there is no moment at which others can read
/// it). Existing files are never overwritten: a key replaced by mistake cannot be had back. A key file
/// that others can read or change is refused when read, as OpenSSH refuses such keys. Key bytes are
/// cleared from memory once written or imported.
/// </summary>
public static class CertificateFiles
{
    /// <summary>The certificate file's name ends so.</summary>
    public const string CertificateSuffix = ".crt.pem";

    /// <summary>The private key file's name ends so.</summary>
    public const string KeySuffix = ".key.pem";

    /// <summary>A P-256 certificate or key is under 2 KiB of PEM; anything over this is the wrong file.</summary>
    public const int FileLengthMaxBytes = 64 * 1024;

    private const string PrivateKeyLabel = "PRIVATE KEY";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode EveryoneReads = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes the certificate to <paramref name="certificatePath"/> (0644) and its ECDSA private key to
    /// <paramref name="keyPath"/> (0600). Refuses, before writing either, when either exists; if the
    /// certificate cannot be written after the key was, the key just written is removed again.
    /// Throws <see cref="CertificateFileException"/>.
    /// </summary>
    public static void Write(X509Certificate2 certificateWithKey, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        using ECDsa key = certificateWithKey.GetECDsaPrivateKey()
            ?? throw new ArgumentException($"The certificate '{certificateWithKey.Subject}' comes without its ECDSA private key.", nameof(certificateWithKey));
        foreach (string path in (string[])[keyPath, certificatePath])
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw new CertificateFileException(CertificateFileProblem.Exists, path, string.Empty);
            }
        }

        byte[] pkcs8 = key.ExportPkcs8PrivateKey();
        char[] pem = PemEncoding.Write(PrivateKeyLabel, pkcs8);
        byte[] keyBytes = Encoding.ASCII.GetBytes(pem);
        try
        {
            WriteNew(keyPath, keyBytes, OwnerOnly);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
            CryptographicOperations.ZeroMemory(keyBytes);
            Array.Clear(pem);
        }

        try
        {
            WriteNew(certificatePath, Encoding.ASCII.GetBytes(certificateWithKey.ExportCertificatePem() + "\n"), EveryoneReads);
        }
        catch
        {
            File.Delete(keyPath);
            throw;
        }
    }

    /// <summary>Reads the first PEM certificate of <paramref name="path"/>. Throws <see cref="CertificateFileException"/>.</summary>
    public static X509Certificate2 ReadCertificate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ReadLimited(path);
        try
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(bytes));
        }
        catch (CryptographicException e)
        {
            throw new CertificateFileException(CertificateFileProblem.Malformed, path, "no PEM certificate can be read: " + e.Message, e);
        }
    }

    /// <summary>
    /// Reads a certificate and its private key: refuses a key file that users other than its owner can
    /// read or change, a key that is not PKCS#8 ECDSA, and a key that is not the certificate's. Throws
    /// <see cref="CertificateFileException"/>.
    /// </summary>
    public static X509Certificate2 ReadCertificateWithKey(string certificatePath, string keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        using X509Certificate2 certificate = ReadCertificate(certificatePath);
        if (!OperatingSystem.IsWindows() && File.Exists(keyPath))
        {
            UnixFileMode mode = File.GetUnixFileMode(keyPath);
            if ((mode & GroupOrOthers) != 0)
            {
                throw new CertificateFileException(
                    CertificateFileProblem.KeyOpenToOthers,
                    keyPath,
                    "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0'));
            }
        }

        byte[] bytes = ReadLimited(keyPath);
        char[] text = Encoding.ASCII.GetChars(bytes);
        using ECDsa key = ECDsa.Create();
        try
        {
            key.ImportFromPem(text);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // ImportFromPem throws ArgumentException for no key, several keys or an encrypted one.
            throw new CertificateFileException(CertificateFileProblem.Malformed, keyPath, "no unencrypted PKCS#8 ECDSA private key can be read: " + e.Message, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            Array.Clear(text);
        }

        using ECDsa? certificateKey = certificate.GetECDsaPublicKey();
        if (certificateKey is null
            || !certificateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new CertificateFileException(
                CertificateFileProblem.KeyDoesNotMatch,
                keyPath,
                string.Create(CultureInfo.InvariantCulture, $"it is not the private key of {certificatePath}"));
        }

        return certificate.CopyWithPrivateKey(key);
    }

    private static void WriteNew(string path, byte[] content, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException e) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new CertificateFileException(CertificateFileProblem.Exists, path, string.Empty, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(CertificateFileProblem.Unwritable, path, e.Message, e);
        }
    }

    private static byte[] ReadLimited(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > FileLengthMaxBytes)
            {
                throw new CertificateFileException(
                    CertificateFileProblem.TooLarge,
                    path,
                    string.Create(CultureInfo.InvariantCulture, $"{stream.Length} bytes, more than the {FileLengthMaxBytes} a certificate or key file may have"));
            }

            byte[] bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CertificateFileException(CertificateFileProblem.NotFound, path, string.Empty, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(CertificateFileProblem.Unreadable, path, e.Message, e);
        }
    }
}
