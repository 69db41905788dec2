using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>verify</c> on certificate PDFs a real service issued: valid with its proof and the log's keys (and with the
/// signing root, and with the content); invalid for a changed byte, another certificate's proof, a signing root
/// that did not issue the signer, another log's keys and another content; unusable without the proof file, and
/// for certificate options given with a receipt.
/// </summary>
public sealed partial class VerifyCertificateTests(CertificateServiceFixture service) : IClassFixture<CertificateServiceFixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    private SavedCertificate Certificate => service.First;

    [Fact]
    public async Task Verify_CertificateWithProofAndKeys_ExitsZeroAndReportsNumberSignatureAndRecord()
    {
        CliResult result = await RunAsync("verify", Certificate.PdfPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("EvidenceChain deposit certificate verification report\n\nVerdict: valid\n", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"certificate no\.: ECDC(-[0-9A-F]{4}){4}\n", result.Output);
        Assert.Contains("certificate no.: " + Certificate.CertificateId + "\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("signer (its certificate's subject): CN=EvidenceChain development notary", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"signer's certificate fingerprint \(SHA-256 of its DER\): [0-9a-f]{64}\n", result.Output);
        Assert.Contains("signer against your signing roots: not checked: give --signing-root", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the PDF's signature verifies (PAdES)", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the log records issuing this PDF", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the receipt is well formed and its version is supported", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the certificate's record and the receipt are in one log", result.Output, StringComparison.Ordinal);
        Assert.Contains("the certificate's proof file: " + Certificate.ProofPath, result.Output, StringComparison.Ordinal);
        Assert.Contains("- no content and salt file were given", result.Output, StringComparison.Ordinal);
        string record = Section(result.Output, "The certificate's record in the log");
        Assert.Contains("leaf index: " + Certificate.RecordLeafIndex.ToString(CultureInfo.InvariantCulture) + "\n", record, StringComparison.Ordinal);
        Assert.Matches(@"checkpoint tree size: \d+\n", record);
        Assert.Matches(@"issued at \(UTC, the notary's own time\): \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n", record);
    }

    [Fact]
    public async Task Verify_CertificateInChinese_PrintsTheChineseReport()
    {
        CliResult result = await RunAsync("verify", Certificate.PdfPath, "--key", service.VerifierKeysPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("EvidenceChain 存证证书核验报告\n\n结论：有效\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("证书编号：" + Certificate.CertificateId, result.Output, StringComparison.Ordinal);
        Assert.Contains("叶索引：" + Certificate.RecordLeafIndex.ToString(CultureInfo.InvariantCulture), result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ 证书 PDF 的电子签名有效（PAdES）", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CertificateWithTheServicesSigningRoot_ReportsTheSignerChecked()
    {
        CliResult result = await RunAsync(
            "verify", Certificate.PdfPath, "--key", service.VerifierKeysPath, "--signing-root", service.CertificateSigningRootPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("signer against your signing roots: checked:", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the signer's certificate is one of your signing roots or issued by one", result.Output, StringComparison.Ordinal);
        Assert.Contains("the notary's signing roots you trust (--signing-root): " + service.CertificateSigningRootPath, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("whether the signer is the notary office was not checked", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CertificateWithTheDepositedContentAndSalt_ExitsZeroAndChecksTheContent()
    {
        CliResult result = await RunAsync(
            "verify", Certificate.PdfPath, "--key", service.VerifierKeysPath, "--file", service.ContentPath, "--salt", service.SaltPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✓ the content matches the deposit record's SHA-256 commitment", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the content matches the deposit record's SM3 commitment", result.Output, StringComparison.Ordinal);
        Assert.Contains("deposited content (one file): " + service.ContentPath, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no content and salt file were given", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HeaderVersionDigitChanged_ExitsOneWithSignatureInvalid()
    {
        byte[] pdf = File.ReadAllBytes(Certificate.PdfPath);
        Assert.Equal("%PDF-1."u8.ToArray(), pdf[..7]);
        pdf[7] = pdf[7] == (byte)'7' ? (byte)'6' : (byte)'7';

        CliResult result = await VerifyChangedCopyAsync(pdf);

        AssertInvalid(result, "CertificateSignatureInvalid");
        Assert.Contains("Reason: the certificate PDF's signature does not verify", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ByteInTheMiddleOutsideTheSignatureChanged_ExitsOneWithSignatureInvalid()
    {
        byte[] pdf = File.ReadAllBytes(Certificate.PdfPath);
        (int holeStart, int holeEnd) = SignatureHole(pdf);
        int position = pdf.Length / 4;
        Assert.True(position < holeStart || position >= holeEnd, $"byte {position} lies in the signature's hole [{holeStart}, {holeEnd})");
        pdf[position] ^= 0x01;

        CliResult result = await VerifyChangedCopyAsync(pdf);

        AssertInvalid(result, "CertificateSignatureInvalid");
    }

    [Fact]
    public async Task Verify_FirstPdfWithTheSecondsProof_ExitsOneWithNotRecorded()
    {
        CliResult result = await RunAsync(
            "verify", service.First.PdfPath, "--proof", service.Second.ProofPath, "--key", service.VerifierKeysPath, "--lang", "en");

        AssertInvalid(result, "CertificateNotRecorded");
        Assert.Contains("Reason: the log has no record of issuing this certificate PDF", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the PDF's signature verifies (PAdES)", result.Output, StringComparison.Ordinal);
        Assert.Contains("records a certificate PDF with SHA-256", result.Output, StringComparison.Ordinal);

        // The proof's record is another PDF's, so the report shows no number or record as this certificate's.
        Assert.DoesNotContain("certificate no.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("The certificate's record in the log", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SigningRootThatDidNotIssueTheSigner_ExitsOneWithSignerNotTrusted()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Timestamping.IssuedCertificate otherRoot = TsaCertificates.CreateRoot(TsaKeyAlgorithm.EcdsaP256, "Another office's signing root", now.AddDays(-1), now.AddYears(1), new SecureRandom());
        string rootPath = _directory.Write("other-root.crt", otherRoot.CertificatePem);

        CliResult result = await RunAsync("verify", Certificate.PdfPath, "--key", service.VerifierKeysPath, "--signing-root", rootPath, "--lang", "en");

        AssertInvalid(result, "CertificateSignerNotTrusted");
        Assert.Contains("signer against your signing roots: failed, see the reason above", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✓ the signer's certificate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_KeysOfAnotherLog_ExitsOneWithNotRecorded()
    {
        CliResult result = await RunAsync("verify", Certificate.PdfPath, "--key", RepoPaths.Vector("receipts/log.vkeys"), "--lang", "en");

        AssertInvalid(result, "CertificateNotRecorded");
        Assert.DoesNotContain("✓ the log records issuing this PDF", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnotherContentWithTheSalt_ExitsOneWithCommitmentMismatch()
    {
        string other = _directory.Write("formula.txt", "技术秘密：第四代配方\nformula, fourth generation\n");

        CliResult result = await RunAsync(
            "verify", Certificate.PdfPath, "--key", service.VerifierKeysPath, "--file", other, "--salt", service.SaltPath, "--lang", "en");

        AssertInvalid(result, "CommitmentMismatch");
        Assert.Contains("Technical detail: the receipt behind the certificate: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Note: The content is not what the salt file was made for", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CertificateWithoutItsProofFile_ExitsTwoNamingTheMissingFile()
    {
        string pdf = _directory.Write("alone.pdf", File.ReadAllBytes(Certificate.PdfPath));

        CliResult result = await RunAsync("verify", pdf, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            $"error: the certificate's proof file {pdf}.proof.json does not exist: the notary hands it out with the certificate; keep it beside the PDF or give it with --proof\n",
            result.Error);
    }

    public static TheoryData<string[], string> UnusableReceiptOptions => new()
    {
        { ["--proof", "x.proof.json"], "--proof is for a certificate PDF only" },
        { ["--signing-root", "root.crt"], "--signing-root is for a certificate PDF only" },
    };

    [Theory]
    [MemberData(nameof(UnusableReceiptOptions))]
    public async Task Verify_CertificateOptionWithAReceipt_ExitsTwoWithOneLine(string[] option, string message)
    {
        CliResult result = await RunAsync(
            ["verify", service.ReceiptPath, "--file", service.ContentPath, "--salt", service.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en", .. option]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReceiptWithoutContent_ExitsTwoWithOneLine()
    {
        CliResult result = await RunAsync("verify", service.ReceiptPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: {service.ReceiptPath} is a receipt: a receipt is verified against the deposited content, so give --file or --dir, and --salt\n", result.Error);
    }

    [Fact]
    public async Task Verify_CertificateWithSaltButNoContent_ExitsTwoWithAUsageError()
    {
        CliResult result = await RunAsync("verify", Certificate.PdfPath, "--salt", service.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("give --salt together with --file or --dir", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => service.Workspace.RunAsync(args);

    /// <summary>Writes <paramref name="pdf"/> beside a copy of the certificate's own proof and verifies it.</summary>
    private async Task<CliResult> VerifyChangedCopyAsync(byte[] pdf)
    {
        string path = _directory.Write("changed.pdf", pdf);
        File.Copy(Certificate.ProofPath, path + ".proof.json");
        return await RunAsync("verify", path, "--key", service.VerifierKeysPath, "--lang", "en");
    }

    private static void AssertInvalid(CliResult result, string failure)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("EvidenceChain deposit certificate verification report\n\nVerdict: invalid\nReason: ", result.Output, StringComparison.Ordinal);
        Assert.Contains($"[{failure}]\n", result.Output, StringComparison.Ordinal);
    }

    /// <summary>The byte range the signature does not cover: the /Contents hex string, from the /ByteRange [0 a b c].</summary>
    private static (int Start, int End) SignatureHole(byte[] pdf)
    {
        Match range = ByteRange().Match(Encoding.Latin1.GetString(pdf));
        Assert.True(range.Success, "the PDF has no /ByteRange");
        return (int.Parse(range.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups["b"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The lines of the report section under <paramref name="heading"/>.</summary>
    private static string Section(string report, string heading)
    {
        int start = report.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}' in:\n{report}");
        int end = report.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return end < 0 ? report[start..] : report[start..(end + 1)];
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*0\s+(?<a>\d+)\s+(?<b>\d+)\s+\d+\s*\]")]
    private static partial Regex ByteRange();
}
