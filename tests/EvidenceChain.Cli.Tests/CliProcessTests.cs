using System.Text;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The built CLI as a real child process (<c>dotnet evidencechain.dll</c>): exit codes as a shell
/// sees them, UTF-8 Chinese on a redirected stdout, and nothing on stderr when all is well.
/// </summary>
public sealed class CliProcessTests
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("证据：hello, court\n");

    [Fact]
    public void Verify_ValidReceipt_ExitsZeroWithChineseReport()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);

        CliResult result = ExternalProcess.RunCli(deposit.VerifyArgs(deposit.BothKeys));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("EvidenceChain 存证回执核验报告\n\n结论：有效\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Verify_ChangedContent_ExitsOne()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        File.AppendAllText(deposit.ContentPath, "!");

        CliResult result = ExternalProcess.RunCli(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Verdict: invalid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingReceipt_ExitsTwoWithOneLineOnStderr()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        File.Delete(deposit.ReceiptPath);

        CliResult result = ExternalProcess.RunCli(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: {deposit.ReceiptPath}: no such file\n", result.Error);
    }

    [Fact]
    public void Verify_TrustFromEnvironment_ExitsZero()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string trustFile = deposit.Directory.Write("trusted.keys", deposit.Notary.Ed25519Key + "\n" + deposit.Notary.Sm2Key + "\n");

        CliResult result = ExternalProcess.RunCli(deposit.VerifyArgs(), new Dictionary<string, string?> { ["EVIDENCECHAIN_TRUST"] = trustFile });

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Run_UsageError_ExitsTwo()
    {
        CliResult result = ExternalProcess.RunCli(["verify", "--no-such-option"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Hash_RedirectedOutput_PrintsOnlyTheDigestLines()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("abc", "abc");

        CliResult result = ExternalProcess.RunCli(["hash", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"sha256  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  {path}\n" +
            $"sm3     66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  {path}\n",
            result.Output);
        Assert.Equal(string.Empty, result.Error);
    }
}
