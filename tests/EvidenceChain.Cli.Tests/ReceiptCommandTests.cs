using System.Runtime.Versioning;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>receipt</c> against the real service: updating a receipt file after the log grew (with the
/// consistency proof), fetching by deposit id or leaf index, adding the depositor opening from the
/// salt file and key, and refusing to overwrite or to guess.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ReceiptCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Receipt_FileAfterMoreDeposits_IsUpdatedToALargerTreeAndStillVerifies()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("evidence/report.txt", "quarterly report\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "report.txt");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        ulong before = SavedReceipt.Verify(files.ReceiptPath, service.VerifierKeysPath).Checkpoint!.TreeSize;
        for (int i = 0; i < 3; i++)
        {
            string other = workspace.Write($"others/{i}.txt", $"another deposit {i}\n");
            Assert.Equal(0, (await workspace.RunAsync("deposit", other, "--kind", "data")).ExitCode);
        }

        CliResult result = await workspace.RunAsync("receipt", files.ReceiptPath, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        ReceiptReport report = SavedReceipt.Verify(files.ReceiptPath, service.VerifierKeysPath, SavedReceipt.ReadSalt(files.SaltPath));
        ulong after = report.Checkpoint!.TreeSize;
        Assert.True(after >= before + 3, $"tree size {before} then {after}");
        Assert.Contains($"the log grew consistently from tree size {before} to {after} (consistency proof verified)", result.Output, StringComparison.Ordinal);
        Assert.Contains("receipt updated: " + files.ReceiptPath, result.Output, StringComparison.Ordinal);
        Assert.Contains("kept the receipt's depositor opening", result.Output, StringComparison.Ordinal);
        Assert.Contains(ReceiptCheck.DepositorOpening, report.Passed);
        Assert.Empty(Directory.GetFiles(workspace.File("evidence"), "*.new-*"));
        CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    [Fact]
    public async Task Receipt_ByDepositIdWithSaltFile_WritesItBesideTheSaltFileWithTheOpening()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("design.step", "solid model\n");
        DepositFiles files = DepositFiles.For(workspace.File(string.Empty), "design.step");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret")).ExitCode);
        File.Delete(files.ReceiptPath);
        (string depositId, _) = SavedReceipt.ReadPromise(files.PromisePath);

        CliResult result = await workspace.RunAsync("receipt", depositId, "--salt", files.SaltPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("回执：" + files.ReceiptPath, result.Output, StringComparison.Ordinal);
        Assert.Contains($"已在回执中披露存证人（依据盐文件 {files.SaltPath} 和存证人私钥）", result.Output, StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(files.ReceiptPath, service.VerifierKeysPath, SavedReceipt.ReadSalt(files.SaltPath));
        Assert.Contains(ReceiptCheck.DepositorOpening, report.Passed);
        CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    [Fact]
    public async Task Receipt_ByLeafIndexWithoutSalt_HasNoOpeningAndSaysWhy()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("minutes.txt", "minutes\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        (_, ulong leafIndex) = SavedReceipt.ReadPromise(evidence + DepositFiles.PromiseSuffix);
        string outPath = workspace.File("by-index.receipt.json");

        CliResult result = await workspace.RunAsync("receipt", leafIndex.ToString(), "--index", "--out", outPath, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the receipt does not name the depositor: no salt file (--salt)", result.Output, StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(outPath, service.VerifierKeysPath);
        Assert.Equal(leafIndex, report.LeafIndex);
        Assert.Null(report.Depositor);
    }

    [Fact]
    public async Task Receipt_OutputExists_IsRefusedWithHowToUpdateIt()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("plan.txt", "plan\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        (string depositId, _) = SavedReceipt.ReadPromise(evidence + DepositFiles.PromiseSuffix);
        string receiptPath = evidence + DepositFiles.ReceiptSuffix;
        string before = File.ReadAllText(receiptPath);

        CliResult result = await workspace.RunAsync("receipt", depositId, "--salt", evidence + DepositFiles.SaltSuffix, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: {receiptPath} already exists and is not overwritten; to update it, run evidencechain receipt {receiptPath}, or choose another file with --out\n", result.Error);
        Assert.Equal(before, File.ReadAllText(receiptPath));
    }

    [Fact]
    public async Task Receipt_UntilFinalOnAServerThatDoesNotAnchor_ExitsTwoWithOneLineAndLeavesTheFile()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("memo.txt", "memo\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        string receiptPath = evidence + DepositFiles.ReceiptSuffix;
        string before = File.ReadAllText(receiptPath);

        CliResult result = await workspace.RunAsync("receipt", receiptPath, "--until", "final", "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the server at {service.Address} anchors its log on no chain, so there is no anchor to wait for until it is final\n", result.Error);
        Assert.Equal(before, File.ReadAllText(receiptPath));
    }

    [Fact]
    public async Task Receipt_OnAServerThatDoesNotAnchor_PrintsNoAnchorLine()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("note.txt", "note\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);

        CliResult result = await workspace.RunAsync("receipt", evidence + DepositFiles.ReceiptSuffix, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("anchor", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_TimeoutWithoutUntil_ExitsTwoAsUsageError()
    {
        using var workspace = new OnlineWorkspace(service.Address);

        CliResult result = await workspace.RunAsync("receipt", new string('0', 64), "--timeout", "10", "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("error: --timeout needs --until (see --help)\n", result.Error);
    }

    [Theory]
    [InlineData("not-an-id", "'not-an-id' is neither a deposit id (64 lowercase hex digits) nor a receipt file")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", "is neither a deposit id")]
    public async Task Receipt_MalformedId_IsUnusableInput(string id, string expected)
    {
        using var workspace = new OnlineWorkspace(service.Address);

        CliResult result = await workspace.RunAsync("receipt", id, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_UnknownDepositId_ExitsTwoWithTheServersMessage()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string unknown = new('0', 64);

        CliResult result = await workspace.RunAsync("receipt", unknown, "--out", workspace.File("x.receipt.json"), "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the server at {service.Address} refused or failed the request (NotFound): there is no deposit with id {unknown}\n", result.Error);
    }
}
