using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Certificates.Tests.Support;

namespace EvidenceChain.Certificates.Tests;

/// <summary>
/// PEM files: the key owner-only from creation, never an overwrite, a round trip that keeps the key
/// usable, OpenSSL reads both, and every unusable file is refused with the problem that names it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CertificateFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _directory = new();
    private readonly DeploymentCa _ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, TimeProvider.System);

    public void Dispose()
    {
        _ca.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Write_PartyCertificate_KeyIsOwnerOnlyAndCertificateReadableByAll()
    {
        using X509Certificate2 party = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        (string certificatePath, string keyPath) = Paths("party");

        CertificateFiles.Write(party, certificatePath, keyPath);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyPath));

        // 0644 under the usual umask; a stricter umask may only take bits away.
        UnixFileMode certificateMode = File.GetUnixFileMode(certificatePath);
        Assert.Equal(OwnerOnly, certificateMode & ~(UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", File.ReadAllText(keyPath), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", File.ReadAllText(certificatePath), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCertificateWithKey_WrittenFiles_GiveTheSameCertificateAndAWorkingKey()
    {
        using X509Certificate2 party = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        (string certificatePath, string keyPath) = Paths("party");
        CertificateFiles.Write(party, certificatePath, keyPath);

        using X509Certificate2 read = CertificateFiles.ReadCertificateWithKey(certificatePath, keyPath);

        Assert.Equal(party.RawData, read.RawData);
        byte[] message = "evidence"u8.ToArray();
        using ECDsa key = read.GetECDsaPrivateKey()!;
        using ECDsa publicKey = party.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(message, key.SignData(message, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Write_OpenSsl_ReadsTheKeyAsPkcs8AndItMatchesTheCertificate()
    {
        (string certificatePath, string keyPath) = Paths("ca");
        CertificateFiles.Write(_ca.Certificate, certificatePath, keyPath);

        (int keyExit, string keyPublic) = OpenSsl.Run("pkey", "-in", keyPath, "-pubout");
        (int certificateExit, string certificatePublic) = OpenSsl.Run("x509", "-in", certificatePath, "-noout", "-pubkey");

        Assert.Equal(0, keyExit);
        Assert.Equal(0, certificateExit);
        Assert.Equal(certificatePublic, keyPublic);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_EitherFileExists_WritesNothing(bool keyExists)
    {
        using X509Certificate2 party = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        (string certificatePath, string keyPath) = Paths("party");
        string existing = keyExists ? keyPath : certificatePath;
        string other = keyExists ? certificatePath : keyPath;
        File.WriteAllText(existing, "keep me");

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.Write(party, certificatePath, keyPath));

        Assert.Equal(CertificateFileProblem.Exists, e.Problem);
        Assert.Equal(existing, e.Path);
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.False(File.Exists(other));
    }

    [Fact]
    public void Write_FolderMissing_IsUnwritable()
    {
        (string certificatePath, string keyPath) = Paths("missing/party");

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.Write(_ca.Certificate, certificatePath, keyPath));

        Assert.Equal(CertificateFileProblem.Unwritable, e.Problem);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public void ReadCertificateWithKey_KeyOpenToOthers_IsRefused(UnixFileMode extra)
    {
        (string certificatePath, string keyPath) = Paths("ca");
        CertificateFiles.Write(_ca.Certificate, certificatePath, keyPath);
        File.SetUnixFileMode(keyPath, OwnerOnly | extra);

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificateWithKey(certificatePath, keyPath));

        Assert.Equal(CertificateFileProblem.KeyOpenToOthers, e.Problem);
        Assert.Equal("0" + Convert.ToString((int)(OwnerOnly | extra), 8), e.Detail);
    }

    [Fact]
    public void ReadCertificateWithKey_AnotherCertificatesKey_IsRefused()
    {
        using X509Certificate2 party = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        (string caCertificate, string caKey) = Paths("ca");
        (string partyCertificate, string partyKey) = Paths("party");
        CertificateFiles.Write(_ca.Certificate, caCertificate, caKey);
        CertificateFiles.Write(party, partyCertificate, partyKey);

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificateWithKey(caCertificate, partyKey));

        Assert.Equal(CertificateFileProblem.KeyDoesNotMatch, e.Problem);
        Assert.Equal(partyKey, e.Path);
    }

    [Fact]
    public void ReadCertificate_Missing_IsNotFound()
    {
        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificate(_directory.File("absent.crt.pem")));

        Assert.Equal(CertificateFileProblem.NotFound, e.Problem);
    }

    [Fact]
    public void ReadCertificate_NotPem_IsMalformed()
    {
        string path = _directory.Write("notes.crt.pem", "just some notes\n");

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificate(path));

        Assert.Equal(CertificateFileProblem.Malformed, e.Problem);
    }

    [Fact]
    public void ReadCertificate_HugeFile_IsTooLargeWithoutBeingParsed()
    {
        string path = _directory.Write("huge.crt.pem", new byte[CertificateFiles.FileLengthMaxBytes + 1]);

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificate(path));

        Assert.Equal(CertificateFileProblem.TooLarge, e.Problem);
    }

    [Fact]
    public void ReadCertificateWithKey_KeyFileHoldsACertificate_IsMalformed()
    {
        (string certificatePath, string keyPath) = Paths("ca");
        CertificateFiles.Write(_ca.Certificate, certificatePath, keyPath);
        string wrong = _directory.Write("wrong.key.pem", File.ReadAllText(certificatePath));
        File.SetUnixFileMode(wrong, OwnerOnly);

        CertificateFileException e = Assert.Throws<CertificateFileException>(() => CertificateFiles.ReadCertificateWithKey(certificatePath, wrong));

        Assert.Equal(CertificateFileProblem.Malformed, e.Problem);
    }

    private (string CertificatePath, string KeyPath) Paths(string prefix) =>
        (_directory.File(prefix + CertificateFiles.CertificateSuffix), _directory.File(prefix + CertificateFiles.KeySuffix));
}
