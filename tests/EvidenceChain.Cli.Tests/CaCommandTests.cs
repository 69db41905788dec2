using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>ca init</c>, <c>issue-party</c>, <c>issue-server</c> and <c>show</c> run in-process: the files
/// they write (keys 0600, never an overwrite), what they print, and one line with exit code 2 for
/// every input they cannot use.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CaCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string CaDir => _directory.File("ca");

    private string CaCertificatePath => Path.Combine(CaDir, "ca.crt.pem");

    private string CaKeyPath => Path.Combine(CaDir, "ca.key.pem");

    [Fact]
    public void Init_NewFolder_WritesTheCaWithAnOwnerOnlyKeyInAnOwnerOnlyFolder()
    {
        CliResult result = Run("ca", "init", "--dir", CaDir, "--name", "Shandong Deployment CA");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(CaKeyPath));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(CaDir));
        using X509Certificate2 ca = CertificateFiles.ReadCertificateWithKey(CaCertificatePath, CaKeyPath);
        Assert.True(DeploymentCa.IsCaCertificate(ca));
        Assert.Equal("CN=Shandong Deployment CA", ca.Subject);
        Assert.Equal(DateTime.UtcNow.Year + 10, ca.NotAfter.ToUniversalTime().Year);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "deployment CA: CN=Shandong Deployment CA",
                $"certificate: {CaCertificatePath} (give it to the service and to every party)",
                $"private key: {CaKeyPath} (owner only, mode 0600; it never leaves this machine)",
            ],
            lines[..3]);
        Assert.StartsWith("valid: ", lines[3], StringComparison.Ordinal);
        Assert.Equal("SHA-256 fingerprint: " + CertificateFingerprint.Sha256Hex(ca), lines[4]);
    }

    [Fact]
    public void Init_Twice_RefusesAndKeepsTheFirstCa()
    {
        Assert.Equal(0, Run("ca", "init", "--dir", CaDir).ExitCode);
        string before = File.ReadAllText(CaKeyPath);

        CliResult again = Run("ca", "init", "--dir", CaDir);

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Equal(string.Empty, again.Output);
        Assert.Equal($"error: {CaKeyPath} already exists and is not overwritten (an overwritten certificate or key cannot be had back); choose another --out or --dir\n", again.Error);
        Assert.Equal(before, File.ReadAllText(CaKeyPath));
    }

    [Fact]
    public void Init_TwoYears_EndsTwoYearsOn()
    {
        CliResult result = Run("ca", "init", "--dir", CaDir, "--years", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        using X509Certificate2 ca = CertificateFiles.ReadCertificate(CaCertificatePath);
        Assert.InRange(ca.NotAfter.ToUniversalTime() - DateTime.UtcNow.AddYears(2), TimeSpan.FromMinutes(-1), TimeSpan.Zero);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    public void Init_YearsOutOfRange_ExitsTwoAndWritesNothing(string years)
    {
        CliResult result = Run("ca", "init", "--dir", CaDir, "--years", years);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: --years {years} is out of range (1–50)\n", result.Error);
        Assert.False(Directory.Exists(CaDir));
    }

    [Fact]
    public void IssueParty_NoPartyId_PrintsANewRandomOneThatTheCertificateCarries()
    {
        InitCa();
        string prefix = _directory.File("jinan");

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Jinan Notary Office", "--out", prefix);

        Assert.True(result.ExitCode == 0, result.ToString());
        string firstLine = result.Output.Split('\n')[0];
        Assert.Matches("^party id: [0-9a-f]{32}$", firstLine);
        PartyId printed = PartyId.Parse(firstLine["party id: ".Length..]);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(prefix + ".key.pem"));
        using X509Certificate2 party = CertificateFiles.ReadCertificateWithKey(prefix + ".crt.pem", prefix + ".key.pem");
        Assert.Equal("CN=Jinan Notary Office", party.Subject);
        Assert.Equal(printed, Verify(party).PartyId);
        Assert.Contains($"SHA-256 fingerprint: {CertificateFingerprint.Sha256Hex(party)} (the registry revokes a certificate by it)\n", result.Output, StringComparison.Ordinal);
        Assert.Contains($"private key: {prefix}.key.pem (owner only, mode 0600; hand it to the party and to no one else, then delete this copy)\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueParty_GivenPartyId_IsTheOneIssued()
    {
        InitCa();
        const string Id = "00112233445566778899aabbccddeeff";
        string prefix = _directory.File("renewed");

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--party-id", Id, "--days", "30", "--out", prefix + ".crt.pem");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"party id: {Id}\n", result.Output, StringComparison.Ordinal);
        using X509Certificate2 party = CertificateFiles.ReadCertificate(prefix + ".crt.pem");
        Assert.Equal(PartyId.Parse(Id), Verify(party).PartyId);
        Assert.InRange(party.NotAfter.ToUniversalTime() - DateTime.UtcNow.AddDays(30), TimeSpan.FromMinutes(-1), TimeSpan.Zero);
    }

    [Theory]
    [InlineData("00112233445566778899AABBCCDDEEFF")]
    [InlineData("jinan")]
    public void IssueParty_MalformedPartyId_ExitsTwoAndWritesNothing(string id)
    {
        InitCa();
        string prefix = _directory.File("office");

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--party-id", id, "--out", prefix);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: '{id}' is not a party id: 32 lowercase hex digits\n", result.Error);
        Assert.False(File.Exists(prefix + ".key.pem"));
        Assert.False(File.Exists(prefix + ".crt.pem"));
    }

    [Fact]
    public void IssueParty_OutlivingTheCa_ExitsTwoNamingBothEnds()
    {
        InitCa("--years", "1");

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--days", "400", "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"^error: the certificate would end at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, after the deployment CA \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); give fewer --days, or a new CA\n$", result.Error);
    }

    [Fact]
    public void IssueParty_NoCa_ExitsTwoNamingTheMissingFile()
    {
        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {CaCertificatePath} does not exist\n", result.Error);
    }

    [Fact]
    public void IssueParty_CaKeyOpenToOthers_IsRefusedWithTheChmodToRun()
    {
        InitCa();
        File.SetUnixFileMode(CaKeyPath, OwnerOnly | UnixFileMode.GroupRead);

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the private key {CaKeyPath} can be read or changed by other users (mode 0640) and is not used; run chmod 600 {CaKeyPath}\n", result.Error);
    }

    [Fact]
    public void IssueParty_OutputExists_IsRefusedAndKept()
    {
        InitCa();
        string existing = _directory.Write("office.crt.pem", "an earlier certificate\n");

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("an earlier certificate\n", File.ReadAllText(existing));
        Assert.False(File.Exists(_directory.File("office.key.pem")));
    }

    [Fact]
    public void IssueParty_WithoutName_IsAUsageError()
    {
        InitCa();

        CliResult result = Run("ca", "issue-party", "--dir", CaDir, "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--name", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(" (see --help)\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueParty_DirIsAPartysFolder_IsNotACa()
    {
        InitCa();
        string other = _directory.File("other");
        Directory.CreateDirectory(other);
        Assert.Equal(0, Run("ca", "issue-party", "--dir", CaDir, "--name", "Office", "--out", Path.Combine(other, "ca")).ExitCode);

        CliResult result = Run("ca", "issue-party", "--dir", other, "--name", "Office", "--out", _directory.File("office"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {Path.Combine(other, "ca.crt.pem")} is not a CA certificate; give --dir the folder that ca init made\n", result.Error);
    }

    [Fact]
    public void IssueServer_NoNames_IsForLocalhostAndLoopback()
    {
        InitCa();
        string prefix = _directory.File("server");

        CliResult result = Run("ca", "issue-server", "--dir", CaDir, "--out", prefix);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("server: CN=localhost\nnames: localhost, 127.0.0.1\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(prefix + ".key.pem"));
        using X509Certificate2 server = CertificateFiles.ReadCertificate(prefix + ".crt.pem");
        X509SubjectAlternativeNameExtension names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal(["127.0.0.1"], names.EnumerateIPAddresses().Select(a => a.ToString()));
    }

    [Fact]
    public void IssueServer_GivenNames_AreExactlyThose()
    {
        InitCa();
        string prefix = _directory.File("server");

        CliResult result = Run("ca", "issue-server", "--dir", CaDir, "--dns", "notary.example.cn", "--dns", "localhost", "--ip", "::1", "--out", prefix);

        Assert.True(result.ExitCode == 0, result.ToString());
        using X509Certificate2 server = CertificateFiles.ReadCertificate(prefix + ".crt.pem");
        X509SubjectAlternativeNameExtension names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["notary.example.cn", "localhost"], names.EnumerateDnsNames());
        Assert.Equal(["::1"], names.EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.Equal("CN=notary.example.cn", server.Subject);
    }

    [Theory]
    [InlineData("--ip", "127.1", "error: '127.1' is not an IP address\n")]
    [InlineData("--ip", "localhost", "error: 'localhost' is not an IP address\n")]
    [InlineData("--dns", "*.example.cn", "error: '*.example.cn' is not a DNS name a server certificate may carry (no wildcards)\n")]
    public void IssueServer_UnusableName_ExitsTwo(string option, string value, string error)
    {
        InitCa();

        CliResult result = Run("ca", "issue-server", "--dir", CaDir, option, value, "--out", _directory.File("server"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(error, result.Error);
        Assert.False(File.Exists(_directory.File("server.key.pem")));
    }

    [Fact]
    public void Show_PartyCertificateWithItsCa_VerifiesAndPrintsTheCasFingerprint()
    {
        InitCa();
        const string Id = "00112233445566778899aabbccddeeff";
        string prefix = _directory.File("office");
        Assert.Equal(0, Run("ca", "issue-party", "--dir", CaDir, "--name", "Jinan Notary Office", "--party-id", Id, "--out", prefix).ExitCode);
        using X509Certificate2 ca = CertificateFiles.ReadCertificate(CaCertificatePath);
        using X509Certificate2 party = CertificateFiles.ReadCertificate(prefix + ".crt.pem");
        string caFingerprint = CertificateFingerprint.Sha256Hex(ca);

        CliResult result = Run("ca", "show", prefix + ".crt.pem", "--ca", CaCertificatePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("subject: CN=Jinan Notary Office", lines[0]);
        Assert.Equal("issuer: CN=EvidenceChain deployment CA", lines[1]);
        Assert.Equal("serial number: " + party.SerialNumber.ToLowerInvariant(), lines[2]);
        Assert.Equal("party id: " + Id, lines[3]);
        Assert.StartsWith("valid: ", lines[4], StringComparison.Ordinal);
        Assert.Equal("extended key usage: clientAuth", lines[5]);
        Assert.Equal("SHA-256 fingerprint: " + CertificateFingerprint.Sha256Hex(party), lines[6]);
        Assert.Equal("issuer's SHA-256 fingerprint: " + caFingerprint, lines[7]);
        Assert.Equal($"verified: issued by the deployment CA (SHA-256 {caFingerprint}) to party {Id}, and in date", lines[8]);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public void Show_PartyOfAnotherCa_ExitsOneSayingWhy()
    {
        InitCa();
        string otherCa = _directory.File("other-ca");
        Assert.Equal(0, Run("ca", "init", "--dir", otherCa).ExitCode);
        string prefix = _directory.File("stranger");
        Assert.Equal(0, Run("ca", "issue-party", "--dir", otherCa, "--name", "Office", "--out", prefix).ExitCode);

        CliResult result = Run("ca", "show", prefix + ".crt.pem", "--ca", CaCertificatePath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("issuer's key id: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("does not verify as a party certificate: the deployment's CA did not issue it [NotIssuedByDeploymentCa] (detail: ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_ServerCertificateWithTheCa_IsNotAPartyCertificate()
    {
        InitCa();
        string prefix = _directory.File("server");
        Assert.Equal(0, Run("ca", "issue-server", "--dir", CaDir, "--out", prefix).ExitCode);

        CliResult result = Run("ca", "show", prefix + ".crt.pem", "--ca", CaCertificatePath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("party id: none\nDNS names: localhost\nIP addresses: 127.0.0.1\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("[NoClientAuthUsage]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_TheCa_IsSelfSignedWithItsOwnFingerprintAsOpenSslComputesIt()
    {
        InitCa();

        CliResult result = Run("ca", "show", CaCertificatePath);
        CliResult openssl = ExternalProcess.Run("openssl", ["x509", "-in", CaCertificatePath, "-noout", "-fingerprint", "-sha256"]);

        Assert.True(result.ExitCode == 0 && openssl.ExitCode == 0, $"{result}\n{openssl}");

        // OpenSSL prints "sha256 Fingerprint=AB:CD:…" (the label's case varies by version).
        string fingerprint = openssl.Output.Trim().Split('=')[1].Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        Assert.Contains("a CA (path length 0): it issues party and server certificates only\n", result.Output, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 fingerprint: {fingerprint}\nissuer's SHA-256 fingerprint: {fingerprint} (self-signed)\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_WithoutLang_IsChinese()
    {
        InitCa();

        CliResult result = CliRunner.Run("ca", "show", CaCertificatePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("主体：CN=EvidenceChain deployment CA\n签发者：", result.Output, StringComparison.Ordinal);
        Assert.Contains("（自签名）", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_MissingFile_ExitsTwoInChinese()
    {
        string missing = _directory.File("missing.crt.pem");

        CliResult result = CliRunner.Run("ca", "show", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"错误：找不到 {missing}\n", result.Error);
    }

    private static CliResult Run(params string[] args) => CliRunner.Run([.. args, "--lang", "en"]);

    private void InitCa(params string[] extra)
    {
        CliResult result = Run(["ca", "init", "--dir", CaDir, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private PartyCertificateVerdict Verify(X509Certificate2 certificate)
    {
        using X509Certificate2 ca = CertificateFiles.ReadCertificate(CaCertificatePath);
        using var validator = new PartyCertificateValidator(ca, TimeProvider.System);
        PartyCertificateVerdict verdict = validator.Verify(certificate);
        Assert.True(verdict.IsValid, verdict.ToString());
        return verdict;
    }
}
