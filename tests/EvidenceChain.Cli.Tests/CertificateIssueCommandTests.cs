using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>certificate</c> against a real service: the depositor's receipt is verified, the service issues the signed
/// certificate, and the CLI writes the PDF and its proof only after checking them as <c>verify</c> does. The declared
/// file is the deposited file, with its length. Existing outputs, a deposit the service does not know and options
/// that do not go together are one line and exit 2, with nothing written.
/// </summary>
public sealed class CertificateIssueCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Certificate_IssuedByTheService_VerifiesAndNamesTheDeclaredFile()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("contract.txt", "a contract the judge will read about\n");
        CliResult deposited = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--lang", "en");
        Assert.True(deposited.ExitCode == 0, deposited.ToString());
        DepositFiles files = DepositFiles.For(workspace.File(string.Empty), "contract.txt");
        string pdfPath = workspace.File("contract-certificate.pdf");

        CliResult issued = await workspace.RunAsync("certificate", files.ReceiptPath, "-o", pdfPath, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");
        CliResult again = await workspace.RunAsync("certificate", files.ReceiptPath, "-o", pdfPath, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(issued.ExitCode == 0, issued.ToString());
        string proofPath = CertificateProof.PathBeside(pdfPath);
        Assert.Contains($"Wrote the deposit certificate {pdfPath} issued by the notary (certificate no. ECDC-", issued.Output, StringComparison.Ordinal);
        Assert.Contains("its proof " + proofPath, issued.Output, StringComparison.Ordinal);
        IReadOnlyList<NoteVerifier> keys = [.. File.ReadAllLines(service.VerifierKeysPath).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];
        CertificateReport report = CertificateVerifier.Verify(File.ReadAllBytes(pdfPath), File.ReadAllText(proofPath), keys, null, null, []);
        Assert.True(report.IsValid, report.Verdict.ToString());

        (int textExit, string text) = ExternalProgram.Run(workspace.File(string.Empty), "pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");
        Assert.True(textExit == 0, text);
        Assert.Matches($@"contract\.txt\s+{new FileInfo(evidence).Length} 字节 bytes", text);

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Single(again.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_DepositTheServiceDoesNotKnow_ExitsTwoAndWritesNothing()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string pdfPath = workspace.File("cert.pdf");

        // A valid receipt of another log (the conformance folder's): verified locally, unknown to this service.
        CliResult result = await workspace.RunAsync(
            "certificate", RepoPaths.Vector(Path.Combine("receipts", "v2-no-timestamps.receipt.json")), "-o", pdfPath, "--key", RepoPaths.Vector(Path.Combine("receipts", "log.vkeys")), "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("no deposit with id", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(pdfPath));
        Assert.False(File.Exists(CertificateProof.PathBeside(pdfPath)));
    }

    [Theory]
    [InlineData("--offline", "--server", "http://127.0.0.1:1")]
    [InlineData("--operator", "Example Notary", "--lang", "en")]
    public async Task Certificate_OptionsThatDoNotGoTogether_ExitTwo(params string[] options)
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string pdfPath = workspace.File("cert.pdf");

        CliResult result = await workspace.RunAsync(
            ["certificate", RepoPaths.Vector(Path.Combine("receipts", "v2-no-timestamps.receipt.json")), "-o", pdfPath, "--key", RepoPaths.Vector(Path.Combine("receipts", "log.vkeys")), .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(File.Exists(pdfPath));
    }
}
