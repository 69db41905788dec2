using EvidenceChain.Timestamping;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The built-in TSA's key and certificate as PEM files. A configured pair is read as it is; otherwise
/// the development pair lives in the data directory: <c>keys/tsa.key</c> (owner-only, 0600, from
/// creation), <c>tsa.crt</c>, and <c>tsa-root.crt</c>, the root that issued it, published beside
/// <c>notary.vkeys</c> for <c>openssl ts -verify -CAfile</c> and receipts' verifiers. The root's key is
/// not kept: a development TSA certificate is made once, for ten years, and never renewed.
/// </summary>
internal static class TsaCredentialFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string RootCertificatePath(string dataDirectory) => Path.Combine(dataDirectory, "tsa-root.crt");

    public static string CertificatePath(string dataDirectory) => Path.Combine(dataDirectory, "tsa.crt");

    /// <summary>
    /// The configured credential, or the development one, made at first start; and the certificates
    /// to publish: the TSA's, and the development root when the service made it.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is not what it should be, or the key is open to others.</exception>
    public static (TsaCredential Credential, TsaCertificateChain Chain) Load(TsaSettings settings, string dataDirectory, TimeProvider time)
    {
        if (settings.CertificateFile is string certificateFile)
        {
            return (Read(certificateFile, settings.KeyFile!), new TsaCertificateChain(File.ReadAllText(certificateFile)));
        }

        string keyPath = Path.Combine(dataDirectory, "keys", "tsa.key");
        if (!File.Exists(keyPath))
        {
            CreateDevelopment(settings, dataDirectory, keyPath, time);
        }

        return (Read(CertificatePath(dataDirectory), keyPath), new TsaCertificateChain(File.ReadAllText(CertificatePath(dataDirectory)) + File.ReadAllText(RootCertificatePath(dataDirectory))));
    }

    private static void CreateDevelopment(TsaSettings settings, string dataDirectory, string keyPath, TimeProvider time)
    {
        TsaKeyAlgorithm algorithm = settings.Algorithm == "sm2" ? TsaKeyAlgorithm.Sm2 : TsaKeyAlgorithm.EcdsaP256;
        DateTimeOffset now = time.GetUtcNow();
        var random = new SecureRandom();
        IssuedCertificate root = TsaCertificates.CreateRoot(algorithm, "EvidenceChain development TSA root", now.AddMinutes(-5), now.AddYears(10), random);
        IssuedCertificate tsa = TsaCertificates.IssueTsa(root, algorithm, "EvidenceChain development TSA", now.AddMinutes(-5), now.AddYears(10), random);
        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        File.WriteAllText(RootCertificatePath(dataDirectory), root.CertificatePem);
        File.WriteAllText(CertificatePath(dataDirectory), tsa.CertificatePem);

        // The key last: its presence is what says the pair is complete.
        using var key = new StreamWriter(new FileStream(keyPath, options));
        key.Write(tsa.PrivateKeyPem);
    }

    private static TsaCredential Read(string certificatePath, string keyPath)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(keyPath) & ~OwnerOnly) != 0)
        {
            throw new InvalidDataException($"the TSA key {keyPath} can be read by others (mode {Convert.ToString((int)File.GetUnixFileMode(keyPath), 8)}); make it 0600 (chmod 600) before starting");
        }

        X509Certificate certificate = new X509CertificateParser().ReadCertificate(File.ReadAllBytes(certificatePath))
            ?? throw new InvalidDataException($"{certificatePath} holds no certificate");
        AsymmetricKeyParameter key;
        using (var reader = new StreamReader(keyPath))
        {
            key = new PemReader(reader).ReadObject() switch
            {
                AsymmetricKeyParameter { IsPrivate: true } privateKey => privateKey,
                AsymmetricCipherKeyPair pair => pair.Private,
                _ => throw new InvalidDataException($"{keyPath} holds no private key (PEM PKCS #8 \"PRIVATE KEY\")"),
            };
        }

        try
        {
            return TsaCredential.Create(key, certificate);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the TSA certificate {certificatePath} and key {keyPath} cannot be used: {e.Message}", e);
        }
    }
}
