using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// Deposits that are accepted but not yet in a checkpoint, on a real service whose sequencer does not
/// sign during the test: <c>deposit</c> stops waiting with exit 3 and says how to fetch the receipt
/// later, and <c>receipt</c> answers exit 3 with one clear line.
/// </summary>
public sealed class PendingDepositTests(StalledServiceFixture service) : IClassFixture<StalledServiceFixture>
{
    [Fact]
    public async Task Deposit_NotIncludedWithinTheWait_ExitsThreeKeepsPromiseAndSaysToRunReceipt()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("draft.txt", "draft\n");
        DepositFiles files = DepositFiles.For(workspace.File(string.Empty), "draft.txt");

        CliResult result = await workspace.RunAsync("deposit", evidence, "--kind", "copyright", "--wait", "0", "--lang", "en");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        (string depositId, _) = SavedReceipt.ReadPromise(files.PromisePath);
        Assert.True(File.Exists(files.SaltPath));
        Assert.False(File.Exists(files.ReceiptPath));
        Assert.EndsWith(
            "the deposit was not in a signed checkpoint within 0 s (it is accepted and its promise is saved). "
            + $"Later, run: evidencechain receipt {depositId} --salt {files.SaltPath} --server {service.Address}\n",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_AcceptedButNotInACheckpoint_ExitsThreeWithOneLine()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("draft.txt", "another draft\n");
        Assert.Equal(3, (await workspace.RunAsync("deposit", evidence, "--kind", "copyright", "--wait", "0")).ExitCode);
        (string depositId, _) = SavedReceipt.ReadPromise(evidence + DepositFiles.PromiseSuffix);

        CliResult zh = await workspace.RunAsync("receipt", depositId, "--salt", evidence + DepositFiles.SaltSuffix);
        CliResult en = await workspace.RunAsync("receipt", depositId, "--salt", evidence + DepositFiles.SaltSuffix, "--lang", "en");

        Assert.True(zh.ExitCode == 3, zh.ToString());
        Assert.EndsWith("\n已受理，尚未纳入检查点；请稍后重试。\n", zh.Output, StringComparison.Ordinal);
        Assert.True(en.ExitCode == 3, en.ToString());
        Assert.EndsWith("\naccepted, not yet in a checkpoint; try again shortly.\n", en.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, en.Error);
        Assert.False(File.Exists(evidence + DepositFiles.ReceiptSuffix));
    }
}
