using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>certificate</c> in-process on the receipt conformance folder's ready receipts: a valid receipt gives a PDF,
/// an invalid one exit 1 and one line with no file written, an existing output is never overwritten.
/// </summary>
public sealed class CertificateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certificate-command-").FullName;

    private static string Vector(string fileName) => RepoPaths.Vector(Path.Combine("receipts", fileName));

    private string Output => Path.Combine(_directory, "cert.pdf");

    private string[] Args(string receipt, params string[] more) =>
    [
        "certificate", Vector(receipt), "-o", Output, "--offline", "--key", Vector("log.vkeys"), "--salt", Vector("hello-court.salt.json"),
        "--tsa-root", Vector("tsa-root.pem"), "--tsa-root", Vector("tsa-root-sm2.pem"), "--tsa-root", Vector("operator-tsa-root.pem"),
        "--operator-tsa", Vector("operator-tsa.pem"), .. more,
    ];

    [Fact]
    public void Certificate_ValidReceipt_WritesThePdf()
    {
        CliResult result = CliRunner.Run(Args("v2-every-proof.receipt.json", "--lang", "en", "--locator", "https://notary.example.cn/r/abc", "--operator", "Example Notary"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Wrote the deposit certificate " + Output + " (certificate no. ECDC-", result.Output, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(Output)[..5]);
    }

    [Theory]
    [InlineData("invalid-flipped-proof-bit.receipt.json", "RootMismatch")]
    [InlineData("invalid-token-untrusted-tsa.receipt.json", "TimestampUntrustedTsa")]
    public void Certificate_InvalidReceipt_ExitsOneWithOneLineAndNoFile(string receipt, string failure)
    {
        CliResult result = CliRunner.Run(Args(receipt, "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"[{failure}]", result.Error, StringComparison.Ordinal);
        Assert.Contains("no certificate is drawn", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Certificate_ReceiptOfAnotherDeposit_ExitsOne()
    {
        CliResult result = CliRunner.Run(
            "certificate", Vector("v2-no-timestamps.receipt.json"), "-o", Output, "--offline", "--key", Vector("log.vkeys"), "--salt", Vector("invalid-wrong-salt.salt.json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Certificate_OutputExists_ExitsTwoAndKeepsIt()
    {
        File.WriteAllText(Output, "mine");

        CliResult result = CliRunner.Run(Args("v2-every-proof.receipt.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("mine", File.ReadAllText(Output));
    }

    public static TheoryData<string, string> UnusableOptions => new()
    {
        { "--locator", "ftp://notary.example.cn/r/abc" },
        { "--operator", new string('长', 301) },
    };

    [Theory]
    [MemberData(nameof(UnusableOptions))]
    public void Certificate_UnusableInput_ExitsTwo(string option, string value)
    {
        CliResult result = CliRunner.Run(Args("v2-every-proof.receipt.json", option, value));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void Certificate_NoTrustedKey_ExitsTwo()
    {
        CliResult result = CliRunner.Run("certificate", Vector("v2-every-proof.receipt.json"), "-o", Output, "--offline");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(File.Exists(Output));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
