using System.Globalization;
using System.Text.Json;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>receipt FILE</c> refreshing a saved receipt after the log grew, with the built-in TSA stamping every
/// checkpoint (real service, real CLI). A receipt refreshed at one checkpoint carries a token that dates that very
/// checkpoint (an entry with no checkpoint of its own); upgraded after the log grew, that entry used to be kept
/// beside the server's new one, and then named a size that was no longer the receipt's: <c>verify</c> with the
/// TSA's root refused the file (TimestampInconsistent), while <c>verify</c> without roots, which does not read
/// tokens, passed it. The same held for any kept entry once the receipt's checkpoint moved: its consistency proof
/// led to the old checkpoint. The browser page's tests found it.
/// </summary>
public sealed class ReceiptUpgradeTimestampTests(StampingServiceFixture fixture) : IClassFixture<StampingServiceFixture>
{
    [Fact]
    public async Task ReceiptUpgrade_AfterTheLogGrew_KeepsOnlyTimestampsOfTheNewCheckpointAndVerifiesWithTheTsaRoot()
    {
        using var workspace = new OnlineWorkspace(fixture.Address);
        string evidence = workspace.Write("evidence/contract.txt", "合同第一稿\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "contract.txt");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        ulong stampedSize = await RefreshUntilAsync(workspace, files.ReceiptPath, (_, tokens) => tokens.Length > 0, "a timestamp entry");
        string later = workspace.Write("later/minutes.txt", "a later deposit grows the log\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", later, "--kind", "document")).ExitCode);

        ulong grownSize = await RefreshUntilAsync(workspace, files.ReceiptPath, (size, _) => size > stampedSize, "a larger checkpoint");

        (_, JsonElement[] tokens) = ReadTimestamps(files.ReceiptPath);
        JsonElement token = Assert.Single(tokens); // one TSA: its earliest token over the leaf, proven against the new checkpoint
        Assert.True(
            token.GetProperty("tree_size").GetUInt64() == grownSize || token.TryGetProperty("checkpoint", out _),
            "an entry without a checkpoint of its own must date the receipt's");
        CliResult verified = await workspace.RunAsync(
            "verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", fixture.VerifierKeysPath,
            "--tsa-root", fixture.TsaRootPath, "--operator-tsa", fixture.TsaCertificatePath, "--lang", "en");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("operator", verified.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Refreshes the receipt with <c>receipt FILE</c> until <paramref name="done"/> holds for its checkpoint's size and
    /// its rfc3161 entries (bounded: checkpoints come every 100 ms, stamps every half second); that size.
    /// </summary>
    private static async Task<ulong> RefreshUntilAsync(OnlineWorkspace workspace, string receiptPath, Func<ulong, JsonElement[], bool> done, string what)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            CliResult refreshed = await workspace.RunAsync("receipt", receiptPath, "--lang", "en");
            Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
            (ulong size, JsonElement[] tokens) = ReadTimestamps(receiptPath);
            if (done(size, tokens))
            {
                return size;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"{receiptPath} never showed {what}");
    }

    /// <summary>The size of the receipt's checkpoint and its rfc3161 timestamp entries.</summary>
    private static (ulong CheckpointSize, JsonElement[] Tokens) ReadTimestamps(string receiptPath)
    {
        using JsonDocument receipt = JsonDocument.Parse(File.ReadAllText(receiptPath));
        TlogProof.TryParse(receipt.RootElement.GetProperty("tlog_proof").GetString()!, out TlogProof? proof);
        Assert.NotNull(proof);
        JsonElement[] tokens = receipt.RootElement.TryGetProperty("timestamps", out JsonElement section)
            ? [.. section.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "rfc3161").Select(e => e.Clone())]
            : [];

        // The checkpoint note's second line is its tree size (checkpoint.md).
        return (ulong.Parse(proof.CheckpointNote.Split('\n')[1], CultureInfo.InvariantCulture), tokens);
    }
}
