using EvidenceChain.Timestamping;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// A signing key and its X.509 certificate as PEM files: the built-in TSA's and the notary's document-signing
/// one. A configured pair is read as it is; otherwise a development pair lives in the data directory:
/// <c>keys/NAME.key</c> (owner-only, 0600, from creation), <c>NAME.crt</c>, and <c>NAME-root.crt</c>, the root
/// that issued it, published for verifiers. The root's key is not kept: a development certificate is made
/// once, for ten years, and never renewed.
/// </summary>
/// <param name="Name">The files' stem: <c>tsa</c>, <c>certificate-signing</c>.</param>
/// <param name="What">What the key is, for errors: "the TSA key".</param>
internal sealed record CredentialFiles(string Name, string What)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string RootCertificatePath(string dataDirectory) => Path.Combine(dataDirectory, Name + "-root.crt");

    public string CertificatePath(string dataDirectory) => Path.Combine(dataDirectory, Name + ".crt");

    private string KeyPath(string dataDirectory) => Path.Combine(dataDirectory, "keys", Name + ".key");

    /// <summary>
    /// The configured pair, or the development one, made by <paramref name="createDevelopment"/> (root, then the
    /// certificate it issued) at first start; and the certificates to publish: the signer's, and the
    /// development root when the service made it.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is not what it should be, or the key is open to others.</exception>
    public (AsymmetricKeyParameter Key, X509Certificate Certificate, string ChainPem) Load(
        string? certificateFile, string? keyFile, string dataDirectory, Func<(IssuedCertificate Root, IssuedCertificate Signer)> createDevelopment)
    {
        ArgumentNullException.ThrowIfNull(createDevelopment);
        if (certificateFile is not null)
        {
            (AsymmetricKeyParameter key, X509Certificate certificate) = Read(certificateFile, keyFile!);
            return (key, certificate, File.ReadAllText(certificateFile));
        }

        string keyPath = KeyPath(dataDirectory);
        if (!File.Exists(keyPath))
        {
            CreateDevelopment(dataDirectory, keyPath, createDevelopment());
        }

        (AsymmetricKeyParameter developmentKey, X509Certificate developmentCertificate) = Read(CertificatePath(dataDirectory), keyPath);
        return (developmentKey, developmentCertificate, File.ReadAllText(CertificatePath(dataDirectory)) + File.ReadAllText(RootCertificatePath(dataDirectory)));
    }

    private void CreateDevelopment(string dataDirectory, string keyPath, (IssuedCertificate Root, IssuedCertificate Signer) pair)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        File.WriteAllText(RootCertificatePath(dataDirectory), pair.Root.CertificatePem);
        File.WriteAllText(CertificatePath(dataDirectory), pair.Signer.CertificatePem);

        // The key last: its presence is what says the pair is complete.
        using var key = new StreamWriter(new FileStream(keyPath, options));
        key.Write(pair.Signer.PrivateKeyPem);
    }

    private (AsymmetricKeyParameter Key, X509Certificate Certificate) Read(string certificatePath, string keyPath)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(keyPath) & ~OwnerOnly) != 0)
        {
            throw new InvalidDataException($"{What} {keyPath} can be read by others (mode {Convert.ToString((int)File.GetUnixFileMode(keyPath), 8)}); make it 0600 (chmod 600) before starting");
        }

        X509Certificate certificate = new X509CertificateParser().ReadCertificate(File.ReadAllBytes(certificatePath))
            ?? throw new InvalidDataException($"{certificatePath} holds no certificate");
        using var reader = new StreamReader(keyPath);
        AsymmetricKeyParameter key = new PemReader(reader).ReadObject() switch
        {
            AsymmetricKeyParameter { IsPrivate: true } privateKey => privateKey,
            AsymmetricCipherKeyPair pair => pair.Private,
            _ => throw new InvalidDataException($"{keyPath} holds no private key (PEM PKCS #8 \"PRIVATE KEY\")"),
        };
        return (key, certificate);
    }
}
