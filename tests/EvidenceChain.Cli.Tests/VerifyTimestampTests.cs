using System.Text;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>verify --tsa-root</c> and <c>--operator-tsa</c> end to end in-process: a real deposit's receipt
/// carrying a real RFC 3161 token over its checkpoint (<see cref="TestTsa"/>), and the TSA certificates
/// as PEM files, as a court would be given them.
/// </summary>
public sealed class VerifyTimestampTests
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("hello, court\n");

    /// <summary>The deposit's receipt with one token from <paramref name="tsa"/> over its own checkpoint, written beside it.</summary>
    private static string WriteTimestampedReceipt(TestDeposit deposit, TestTsa tsa)
    {
        Assert.True(CheckpointVerifier.Verify(deposit.Receipt.CheckpointNote, [deposit.Notary.Ed25519.Verifier], out VerifiedCheckpoint? verified).IsValid);
        Checkpoint checkpoint = verified!.Checkpoint;
        var entry = new TimestampSection("tsa-court", checkpoint.TreeSize, null, [], tsa.Stamp(checkpoint.ToNoteText()));
        Assert.True(Receipt.TryParse(deposit.Receipt.ToJson(), out Receipt? receipt).IsValid);
        return deposit.WriteReceipt(receipt!.WithTimestamps([entry]).ToJson(), "timestamped.receipt.json");
    }

    private static string[] VerifyArgs(TestDeposit deposit, string receiptPath, params string[] more) =>
        ["verify", receiptPath, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys, "--lang", "en", .. more];

    [Fact]
    public void Verify_TsaRootGiven_ReportsTheTsasTimeAsIndependent()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Ecdsa);
        string root = deposit.Directory.Write("tsa-root.crt", TestTsa.Ecdsa.Root.CertificatePem);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, receipt, "--tsa-root", root));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  TSA roots you trust (--tsa-root): " + root + "\n", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            """
            Trusted time (RFC 3161 timestamp token, verified offline under a TSA root you trust)
              time (UTC, the verified token's genTime): 2026-06-01T12:00:00.000Z ± 1 s
              time source: independent TSA
              TSA (its certificate's subject): CN=Independent TSA
            """,
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("  the notary's name for this TSA (a label only): tsa-court\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ the timestamps hold:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the acceptance time is the notary's own claim", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TsaRootGiven_ReportsTheTsasTimeInChinese()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Sm2);
        string root = deposit.Directory.Write("tsa-root.crt", TestTsa.Sm2.Root.CertificatePem);

        CliResult result = CliRunner.Run(["verify", receipt, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys, "--tsa-root", root]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  时间（UTC，取自已核验令牌的 genTime）：2026-06-01T12:00:00.000Z ± 1 秒\n  时间来源：独立的时间戳机构\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OperatorTsaGiven_LabelsItsTokenOperatorTime()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Ecdsa);
        string root = deposit.Directory.Write("tsa-root.crt", TestTsa.Ecdsa.Root.CertificatePem);
        string operatorTsa = deposit.Directory.Write("tsa.crt", TestTsa.Ecdsa.Tsa.CertificatePem);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, receipt, "--tsa-root", root, "--operator-tsa", operatorTsa));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  time source: the operator's own TSA: operator time, not independent\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("the acceptance time is the notary's own claim", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TokenFromAnUntrustedRoot_ExitsOneNamingTheRule()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Untrusted);
        string root = deposit.Directory.Write("tsa-root.crt", TestTsa.Ecdsa.Root.CertificatePem);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, receipt, "--tsa-root", root));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Verdict: invalid", result.Output, StringComparison.Ordinal);
        Assert.Contains("the timestamp token's TSA does not chain to a TSA root you trust [TimestampUntrustedTsa]", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trusted time (", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoTsaRoot_ValidAndSaysHowToCheckTheTokens()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Untrusted);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, receipt));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- the receipt has 1 RFC 3161 timestamp token(s), not checked because no TSA root was given (give the roots you trust with --tsa-root)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Trusted time (", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TsaRootFileHoldsAKey_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = WriteTimestampedReceipt(deposit, TestTsa.Ecdsa);
        string key = deposit.Directory.Write("tsa.key", TestTsa.Ecdsa.Tsa.PrivateKeyPem);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, receipt, "--tsa-root", key));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: {key} is not a PEM certificate file: it holds a PEM EC PRIVATE KEY block; give certificates only\n", result.Error);
    }

    [Fact]
    public void Verify_OperatorTsaWithoutTsaRoot_IsAUsageError()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string operatorTsa = deposit.Directory.Write("tsa.crt", TestTsa.Ecdsa.Tsa.CertificatePem);

        CliResult result = CliRunner.Run(VerifyArgs(deposit, deposit.ReceiptPath, "--operator-tsa", operatorTsa));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--operator-tsa needs --tsa-root", result.Error, StringComparison.Ordinal);
    }
}
