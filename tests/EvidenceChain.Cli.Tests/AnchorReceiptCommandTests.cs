using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// A depositor's anchors end to end, all real: a service process anchoring its checkpoints on an
/// anvil, the CLI depositing, <c>receipt --until final</c> upgrading the receipt file with the final
/// anchor (keeping what it does not read), and <c>verify --rpc</c> checking the anchor's block on
/// that anvil, and failing on another chain history with the same chain id.
/// </summary>
public sealed class AnchorReceiptCommandTests(AnchoredServiceFixture fixture) : IClassFixture<AnchoredServiceFixture>
{
    private const string WaitSeconds = "120";

    [Fact]
    public async Task ReceiptUntilFinal_ThenVerifyWithRpc_ExitsZeroAndFailsOnAnotherChainHistory()
    {
        AnchoredService service = fixture.Service;
        using OnlineWorkspace workspace = service.Workspace();
        string evidence = workspace.Write("evidence/formula.txt", "配方：水、糖、秘密\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "formula.txt");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "trade-secret")).ExitCode);

        CliResult upgraded = await workspace.RunAsync("receipt", files.ReceiptPath, "--until", "final", "--timeout", WaitSeconds, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(upgraded.ExitCode == 0, upgraded + service.Service.Output);
        Assert.Contains($"waiting up to {WaitSeconds} s for a chain anchor covering the deposit to be final…", upgraded.Output, StringComparison.Ordinal);
        Assert.Contains("receipt updated: " + files.ReceiptPath, upgraded.Output, StringComparison.Ordinal);
        Assert.Contains("kept the receipt's depositor opening", upgraded.Output, StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(files.ReceiptPath, service.VerifierKeysPath, SavedReceipt.ReadSalt(files.SaltPath));
        EvmAnchorSection anchor = Assert.Single(report.VerifiedAnchors);
        Assert.Equal(AnchorState.Final, anchor.Status);
        Assert.Equal(report.Checkpoint!.TreeSize, anchor.TreeSize);
        Assert.NotNull(report.Depositor);
        Assert.Contains(
            $"anchor: final on chain 31337, contract {anchor.Contract}, tree size {anchor.TreeSize}: transaction {anchor.Landing!.TransactionHash}, block {anchor.Landing.BlockNumber} ({anchor.Landing.BlockHash}, ",
            upgraded.Output,
            StringComparison.Ordinal);

        string rpc = fixture.Chain.Anvil.Rpc.GetLeftPart(UriPartial.Authority);
        string[] verify = ["verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en"];
        CliResult onChain = await workspace.RunAsync([.. verify, "--rpc", rpc]);
        CliResult offline = await workspace.RunAsync(verify);

        Assert.True(onChain.ExitCode == 0, onChain.ToString());
        Assert.Contains($"✓ canonicality checked against {rpc} (chain id 31337, finalized block ", onChain.Output, StringComparison.Ordinal);
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.Contains("- that the anchor's block is on the chain's canonical history and final was not checked (give --rpc with an Ethereum node you trust, not the notary's)", offline.Output, StringComparison.Ordinal);

        // Another chain history with the same chain id: another genesis time, mined past the anchor's block.
        using var unrelated = AnvilProcess.Start("--timestamp", "1000000000", "--slots-in-an-epoch", "1");
        await unrelated.MineAsync(checked((int)anchor.Landing.BlockNumber + 3));
        CliResult elsewhere = await workspace.RunAsync([.. verify, "--rpc", unrelated.Rpc.ToString()]);

        Assert.True(elsewhere.ExitCode == 1, elsewhere.ToString());
        Assert.Contains("[AnchorBlockHashMismatch]", elsewhere.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptUpgrade_FileWithSectionsTheCliDoesNotRead_KeepsThemUnchanged()
    {
        AnchoredService service = fixture.Service;
        using OnlineWorkspace workspace = service.Workspace();
        string evidence = workspace.Write("evidence/drawing.dwg", "line 0 0 10 10\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "drawing.dwg");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "copyright")).ExitCode);
        JsonObject before = JsonNode.Parse(File.ReadAllText(files.ReceiptPath))!.AsObject();
        var otherAnchor = JsonNode.Parse("""{"type":"opentimestamps","proof":"AAEC"}""")!;
        // Not rfc3161: a v2 receipt specifies those, and verify would read this one as malformed.
        var timestamp = JsonNode.Parse("""{"type":"roughtime","proof":"MIIB"}""")!;
        var courtNote = JsonNode.Parse("""{"case":"(2025)沪0115民初1号","exhibit":7}""")!;
        before["anchors"] = new JsonArray(otherAnchor);
        before["timestamps"] = new JsonArray(timestamp);
        before["x_court_note"] = courtNote;
        File.WriteAllText(files.ReceiptPath, before.ToJsonString());

        CliResult upgraded = await workspace.RunAsync("receipt", files.ReceiptPath, "--until", "final", "--timeout", WaitSeconds, "--lang", "en");

        Assert.True(upgraded.ExitCode == 0, upgraded + service.Service.Output);
        JsonObject after = JsonNode.Parse(File.ReadAllText(files.ReceiptPath))!.AsObject();
        JsonArray anchors = after["anchors"]!.AsArray();
        Assert.Contains(anchors, a => JsonNode.DeepEquals(a, otherAnchor));
        Assert.Contains(anchors, a => (string?)a!["type"] == "evm" && (string?)a["status"] == "final");
        Assert.True(JsonNode.DeepEquals(new JsonArray(timestamp.DeepClone()), after["timestamps"]), after.ToJsonString());
        Assert.True(JsonNode.DeepEquals(courtNote, after["x_court_note"]), after.ToJsonString());
        Assert.True(JsonNode.DeepEquals(before["depositor_opening"], after["depositor_opening"]));
        CliResult verified = await workspace.RunAsync("verify", files.ReceiptPath, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("- chain anchor not checked (pending, lost, or of an unknown kind): 1 anchor(s) of a kind this verifier does not know", verified.Output, StringComparison.Ordinal);
        Assert.Contains("- receipt members this version does not know were ignored: x_court_note", verified.Output, StringComparison.Ordinal);
        Assert.Contains("- timestamp entries not checked (of an unknown kind, or in a v1 receipt, which does not specify them): 1 timestamp entr(ies) of a kind this verifier does not know", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptUntilFinal_AnchorsThatCannotBecomeFinal_ExitsThreeAndWritesTheIncludedAnchor()
    {
        // A second service whose anchors are final only a million blocks deep: never, within the test.
        using AnchoredService slow = AnchoredService.Start(fixture.Chain, AnvilProcess.SecondDevelopmentPrivateKey, finalityDepth: 1_000_000);
        using OnlineWorkspace workspace = slow.Workspace();
        string evidence = workspace.Write("evidence/ledger.csv", "2025-11-29,100.00\n");
        DepositFiles files = DepositFiles.For(workspace.File("evidence"), "ledger.csv");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "data")).ExitCode);

        CliResult included = await workspace.RunAsync("receipt", files.ReceiptPath, "--until", "included", "--timeout", WaitSeconds, "--lang", "en");
        CliResult final = await workspace.RunAsync("receipt", files.ReceiptPath, "--until", "final", "--timeout", "3", "--lang", "en");

        Assert.True(included.ExitCode == 0, included + slow.Service.Output);
        Assert.Contains("anchor: included (in a block, not yet final) on chain 31337", included.Output, StringComparison.Ordinal);
        Assert.True(final.ExitCode == 3, final.ToString());
        Assert.Contains(
            $"no anchor covering the deposit was final within 3 s; the receipt was written with what there is. Later, run: evidencechain receipt {files.ReceiptPath} --server {slow.Address} --until final",
            final.Output,
            StringComparison.Ordinal);
        ReceiptReport report = SavedReceipt.Verify(files.ReceiptPath, slow.VerifierKeysPath);
        Assert.Equal(AnchorState.Included, Assert.Single(report.VerifiedAnchors).Status);
    }

    [Fact]
    public async Task Receipt_ByDepositIdOnceFinal_WritesANewFileWithTheFinalAnchor()
    {
        AnchoredService service = fixture.Service;
        using OnlineWorkspace workspace = service.Workspace();
        string evidence = workspace.Write("minutes.txt", "board minutes\n");
        Assert.Equal(0, (await workspace.RunAsync("deposit", evidence, "--kind", "document")).ExitCode);
        (string depositId, _) = SavedReceipt.ReadPromise(evidence + DepositFiles.PromiseSuffix);
        string outPath = workspace.File("by-id.receipt.json");

        CliResult result = await workspace.RunAsync("receipt", depositId, "--out", outPath, "--until", "final", "--timeout", WaitSeconds);

        Assert.True(result.ExitCode == 0, result + service.Service.Output);
        Assert.Contains("区块链锚定：已最终确认，链 ID 31337", result.Output, StringComparison.Ordinal);
        using JsonDocument written = JsonDocument.Parse(File.ReadAllText(outPath));
        Assert.Contains(written.RootElement.GetProperty("anchors").EnumerateArray(), a => a.GetProperty("status").GetString() == "final");
    }
}
