using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>monitor</c> on real parts: one anvil node per class with the EvidenceAnchor contract, and for
/// each test a real service process that anchors its checkpoints there. Faults are injected on the
/// chain itself, with the notary's key, as a misbehaving notary would; each test says which.
/// </summary>
public sealed class MonitorCommandTests(TestAnchorChain chain) : IClassFixture<TestAnchorChain>
{
    private string Rpc => chain.Anvil.Rpc.ToString();

    private string RpcName => chain.Anvil.Rpc.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Monitor_SeveralAnchors_ExitsZeroAndResumesFromItsState()
    {
        using var service = new AnchoringService(chain);
        var checkpoints = new List<Checkpoint>();
        for (int i = 0; i < 3; i++)
        {
            checkpoints.Add(await service.DepositAndAnchorAsync());
        }

        (LogOrigin origin, Digest logId) = await service.LogAsync();
        string stateHome = service.Workspace.File("state-home");
        var environment = new Dictionary<string, string>(service.Workspace.Environment) { ["XDG_STATE_HOME"] = stateHome };
        string statePath = Path.Combine(stateHome, "evidencechain", "monitor", logId.ToHex() + ".json");
        string[] monitor = ["monitor", "--rpc", Rpc, "--contract", chain.Contract.Address, "--block-range", "2", "--lang", "en"];

        CliResult first = await CliRunner.RunAsync(environment, monitor);

        Assert.True(first.ExitCode == 0, first + service.Service.Output);
        Assert.Equal(string.Empty, first.Error);
        Assert.Contains($"monitoring log {origin}\nlog id (SHA-256 of the origin): {logId.ToHex()}\n", first.Output, StringComparison.Ordinal);
        Assert.Contains($"anchor tree size {checkpoints[0].TreeSize} (root {checkpoints[0].Root.ToHex()}, block ", first.Output, StringComparison.Ordinal);
        Assert.Contains("the first one checked\n", first.Output, StringComparison.Ordinal);
        for (int i = 1; i < checkpoints.Count; i++)
        {
            Assert.Contains($"anchor tree size {checkpoints[i].TreeSize} (root {checkpoints[i].Root.ToHex()}, block ", first.Output, StringComparison.Ordinal);
            Assert.Contains($"extends tree size {checkpoints[i - 1].TreeSize} (consistency proof verified)\n", first.Output, StringComparison.Ordinal);
        }

        Assert.Contains($"the server's latest signed checkpoint (tree size {checkpoints[^1].TreeSize}) is the last anchored one\n", first.Output, StringComparison.Ordinal);
        // The three checkpoints waited for, and possibly one of a size in between (the custody leaf
        // binding the depositor's key can land in a later checkpoint than the first deposit).
        using (var reader = new AnchorEventReader(chain.Anvil.Rpc, chain.Contract.Address))
        {
            int anchors = (await reader.ReadAnchoredAsync(logId, 0, await reader.BlockNumberAsync(CancellationToken.None), AnchorEventReader.BlockRangeMaxBlocks, CancellationToken.None)).Count;
            Assert.InRange(anchors, 3, 4);
            Assert.Contains($"consistent: {anchors} new anchors verified in blocks 0 to ", first.Output, StringComparison.Ordinal);
        }

        Assert.EndsWith($"state: {statePath}\n", first.Output, StringComparison.Ordinal);
        AssertState(statePath, origin, logId, checkpoints[^1]);

        CliResult second = await CliRunner.RunAsync(environment, monitor);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"resuming from {statePath}: the verified anchor of tree size {checkpoints[^1].TreeSize} (block ", second.Output, StringComparison.Ordinal);
        Assert.Contains($"consistent: no new anchors in blocks ", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("anchor tree size", second.Output, StringComparison.Ordinal);

        Checkpoint fourth = await service.DepositAndAnchorAsync();
        CliResult third = await CliRunner.RunAsync(environment, monitor);

        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains($"anchor tree size {fourth.TreeSize} (root {fourth.Root.ToHex()}, block ", third.Output, StringComparison.Ordinal);
        Assert.Contains($"extends tree size {checkpoints[^1].TreeSize} (consistency proof verified)\n", third.Output, StringComparison.Ordinal);
        Assert.Contains($"consistent: 1 new anchor verified in blocks ", third.Output, StringComparison.Ordinal);
        AssertState(statePath, origin, logId, fourth);
        service.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Monitor_ForkedTreeAnchored_ExitsOneNamingBothSizesRootsAndTheTransaction()
    {
        using var service = new AnchoringService(chain);
        await service.DepositAndAnchorAsync();
        Checkpoint honest = await service.DepositAndAnchorAsync();
        CliResult before = await service.MonitorAsync();
        Assert.True(before.ExitCode == 0, before.ToString());
        (_, Digest logId) = await service.LogAsync();

        // The injected fault: the server is made to anchor a forked tree. Simulated by sending, with
        // the notary's own key, straight to the contract, an anchor for this log of a larger tree size
        // whose root is not the log's. The log then grows past that size, so the server can prove its
        // real history up to it, and the proof cannot lead to the forked root. (The service's own later
        // anchors are refused by the contract, whose tree sizes only grow; it logs warnings and retries.)
        ulong forkedSize = honest.TreeSize + 2;
        Digest forkedRoot = Root("a forked tree");
        AnchorInclusion forked = await chain.Contract.AnchorAsync(logId, forkedSize, forkedRoot, CancellationToken.None);
        await service.DepositAsync();
        Checkpoint grown = await service.DepositAsync();
        Assert.True(grown.TreeSize >= forkedSize);

        CliResult result = await service.MonitorAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        string line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(
            $"error: INCONSISTENT: the anchor of tree size {forkedSize} (root {forkedRoot.ToHex()}, block {forked.BlockNumber}, transaction {forked.TransactionHash.ToLowerInvariant()}) "
            + $"does not extend the anchor of tree size {honest.TreeSize} (root {honest.Root.ToHex()}, block ",
            line,
            StringComparison.Ordinal);
        Assert.Contains("the log was rewritten or forked [AnchorsInconsistent] (details: RootMismatch: ", line, StringComparison.Ordinal);
        Assert.Contains($"anchor tree size {honest.TreeSize} ", before.Output, StringComparison.Ordinal);

        // The state keeps the last anchor that verified, so the next run raises the same alarm.
        AssertState(service.StatePath, (await service.LogAsync()).Origin, logId, honest);
        CliResult again = await service.MonitorAsync();
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Equal(result.Error, again.Error);
    }

    [Fact]
    public async Task Monitor_AnchorBeyondTheLog_ExitsOneNamingTheAnchorAndTheLogsSize()
    {
        using var service = new AnchoringService(chain);
        Checkpoint honest = await service.DepositAndAnchorAsync();
        (_, Digest logId) = await service.LogAsync();

        // The injected fault: an anchor, sent with the notary's own key straight to the contract, of a
        // tree size the log has never reached (its root can be nobody's checkpoint of this log).
        ulong beyondSize = honest.TreeSize + 1_000;
        Digest beyondRoot = Root("a tree the log never had");
        AnchorInclusion beyond = await chain.Contract.AnchorAsync(logId, beyondSize, beyondRoot, CancellationToken.None);

        CliResult result = await service.MonitorAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        string line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(
            $"error: INCONSISTENT: the anchor of tree size {beyondSize} (root {beyondRoot.ToHex()}, block {beyond.BlockNumber}, transaction {beyond.TransactionHash.ToLowerInvariant()}) "
            + $"is beyond the log's latest signed checkpoint, of tree size {honest.TreeSize}: the anchored tree is not this log's [AnchorBeyondLog]",
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_AnotherLogAnchorsOnTheSameContract_ItsEventsAreIgnored()
    {
        // Another notary account, allowed before the service starts so the owner's transaction does
        // not race the service's for the first account's nonce.
        EvidenceAnchorContract otherNotary = await chain.AllowNotaryAsync(AnvilProcess.SecondDevelopmentPrivateKey);
        using var service = new AnchoringService(chain);
        Checkpoint first = await service.DepositAndAnchorAsync();
        (_, Digest logId) = await service.LogAsync();

        // Another log on the same contract, from the other notary, before and after this log's
        // anchors and at larger tree sizes than this log's.
        Digest otherLogId = Root("another log's origin " + Guid.NewGuid());
        ulong[] otherSizes = [1, first.TreeSize + 50, first.TreeSize + 100];
        await otherNotary.AnchorAsync(otherLogId, otherSizes[0], Root("other 1 " + otherLogId), CancellationToken.None);
        await otherNotary.AnchorAsync(otherLogId, otherSizes[1], Root("other 2 " + otherLogId), CancellationToken.None);
        Checkpoint second = await service.DepositAndAnchorAsync();
        await otherNotary.AnchorAsync(otherLogId, otherSizes[2], Root("other 3 " + otherLogId), CancellationToken.None);

        using var reader = new AnchorEventReader(chain.Anvil.Rpc, chain.Contract.Address);
        ulong head = await reader.BlockNumberAsync(CancellationToken.None);
        IReadOnlyList<AnchorEventReader.AnchoredEntry> ours = await reader.ReadAnchoredAsync(logId, 0, head, 1, CancellationToken.None);
        IReadOnlyList<AnchorEventReader.AnchoredEntry> theirs = await reader.ReadAnchoredAsync(otherLogId, 0, head, AnchorEventReader.BlockRangeMaxBlocks, CancellationToken.None);

        // This log's anchors: the two checkpoints waited for, and possibly one of a size in between
        // (the custody leaf binding the depositor's key can land in a later checkpoint than the deposit).
        Assert.Equal(ours.Select(e => e.TreeSize).Order(), ours.Select(e => e.TreeSize));
        Assert.Equal(first.Root, Assert.Single(ours, e => e.TreeSize == first.TreeSize).Root);
        Assert.Equal(second.Root, Assert.Single(ours, e => e.TreeSize == second.TreeSize).Root);
        Assert.All(ours, e => Assert.Equal(logId, e.LogId));
        Assert.Equal(otherSizes, theirs.Select(e => e.TreeSize));
        Assert.All(theirs, e => Assert.Equal((otherLogId, otherNotary.Sender.ToLowerInvariant()), (e.LogId, e.Notary)));

        CliResult result = await service.MonitorAsync("--block-range", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"extends tree size {first.TreeSize} (consistency proof verified)\n", result.Output, StringComparison.Ordinal);
        Assert.Contains($"consistent: {ours.Count} new anchors verified in blocks 0 to ", result.Output, StringComparison.Ordinal);
        foreach (ulong size in otherSizes.Where(s => !ours.Any(e => e.TreeSize == s)))
        {
            Assert.DoesNotContain($"tree size {size} ", result.Output, StringComparison.Ordinal);
        }

        service.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Monitor_WrongContract_ExitsTwoWithOneClearLine()
    {
        using var service = new AnchoringService(chain);

        // The notary's account: an address, but not a contract's.
        string account = chain.Contract.Sender;

        CliResult noCode = await service.Workspace.RunAsync("monitor", "--rpc", Rpc, "--contract", account, "--state", service.StatePath, "--lang", "en");
        CliResult malformed = await service.Workspace.RunAsync("monitor", "--rpc", Rpc, "--contract", "0x1234", "--state", service.StatePath, "--lang", "en");

        Assert.True(noCode.ExitCode == 2, noCode.ToString());
        Assert.Equal($"error: there is no contract at {account.ToLowerInvariant()} on chain {AnvilProcess.ChainId} ({RpcName}); check --contract and --rpc\n", noCode.Error);
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Equal("error: '0x1234' is not a contract address: it should be 0x and 40 hex digits\n", malformed.Error);
        Assert.False(File.Exists(service.StatePath));
    }

    [Fact]
    public async Task Monitor_VerifiedAnchorNoLongerOnChain_ExitsOne()
    {
        using var service = new AnchoringService(chain);
        Checkpoint anchored = await service.DepositAndAnchorAsync();
        CliResult first = await service.MonitorAsync();
        Assert.True(first.ExitCode == 0, first.ToString());

        // A fake, for a fault one chain cannot show: the state file is edited to hold an anchor the
        // chain does not have (as after a chain restarted without its state), then one with another root.
        JsonNode state = JsonNode.Parse(File.ReadAllText(service.StatePath))!;
        state["tree_size"] = anchored.TreeSize + 7;
        File.WriteAllText(service.StatePath, state.ToJsonString());
        CliResult missing = await service.MonitorAsync();
        Digest otherRoot = Root("not the anchored root");
        state["tree_size"] = anchored.TreeSize;
        state["root"] = otherRoot.ToHex();
        File.WriteAllText(service.StatePath, state.ToJsonString());
        CliResult changed = await service.MonitorAsync();

        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.StartsWith($"error: INCONSISTENT: the anchor of tree size {anchored.TreeSize + 7} (root {anchored.Root.ToHex()}, block ", missing.Error, StringComparison.Ordinal);
        Assert.Contains($"is no longer on chain [VerifiedAnchorMissing]", missing.Error, StringComparison.Ordinal);
        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.StartsWith($"error: INCONSISTENT: the anchor of tree size {anchored.TreeSize} (root {otherRoot.ToHex()}, block ", changed.Error, StringComparison.Ordinal);
        Assert.Contains($"now has root {anchored.Root.ToHex()} on chain [VerifiedAnchorChanged]", changed.Error, StringComparison.Ordinal);
        Assert.Single(changed.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Monitor_StateOfAnotherContract_ExitsTwo()
    {
        using var service = new AnchoringService(chain);
        await service.DepositAndAnchorAsync();
        CliResult first = await service.MonitorAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        (EvidenceAnchorContract other, _) = await EvidenceAnchorContract.DeployAsync(chain.Anvil.Rpc, AnvilProcess.SecondDevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);

        CliResult result = await service.Workspace.RunAsync("monitor", "--rpc", Rpc, "--contract", other.Address, "--state", service.StatePath, "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: the state file {service.StatePath} is of another log, chain or contract (", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("); choose another with --state\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_ChainOrServerUnreachable_ExitsTwoWithOneLine()
    {
        using var service = new AnchoringService(chain);

        CliResult noChain = await service.Workspace.RunAsync("monitor", "--rpc", "http://127.0.0.1:1", "--contract", chain.Contract.Address, "--state", service.StatePath, "--lang", "en");
        CliResult noServer = await service.Workspace.RunAsync("monitor", "--rpc", Rpc, "--server", "http://127.0.0.1:1", "--contract", chain.Contract.Address, "--state", service.StatePath, "--lang", "en");

        Assert.True(noChain.ExitCode == 2, noChain.ToString());
        Assert.StartsWith("error: cannot read the chain at http://127.0.0.1:1: eth_chainId failed: ", noChain.Error, StringComparison.Ordinal);
        Assert.EndsWith(" (check --rpc)\n", noChain.Error, StringComparison.Ordinal);
        Assert.Single(noChain.Error.TrimEnd('\n').Split('\n'));
        Assert.True(noServer.ExitCode == 2, noServer.ToString());
        Assert.StartsWith("error: ", noServer.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", noServer.Error, StringComparison.Ordinal);
        Assert.Single(noServer.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Monitor_Watch_ChecksEveryRoundUntilInterrupted()
    {
        using var service = new AnchoringService(chain);
        Checkpoint anchored = await service.DepositAndAnchorAsync();

        // Interrupted after the second round, as Ctrl+C would; the bound only guards a hung run.
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var output = new MonitorOutputWriter("checking again in 1 s", 2, interrupt.Cancel) { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => service.Workspace.Environment.GetValueOrDefault(name), IsInteractive: false);

        int exitCode = await CliApp.RunAsync(
            ["monitor", "--rpc", Rpc, "--contract", chain.Contract.Address, "--state", service.StatePath, "--watch", "1", "--lang", "en"],
            context,
            interrupt.Token);

        string printed = output.ToString();
        Assert.True(exitCode == 0, $"exit {exitCode}\n{printed}\n{error}");
        Assert.Equal(string.Empty, error.ToString());
        Assert.Single(Lines(printed, $"monitoring log "));
        Assert.Single(Lines(printed, "consistent: "), line => line.Contains(" new anchor", StringComparison.Ordinal) && line.Contains(" verified in blocks ", StringComparison.Ordinal));
        Assert.Single(Lines(printed, $"consistent: no new anchors in blocks "));
        Assert.Equal(2, Lines(printed, "checking again in 1 s (Ctrl+C to stop)").Count);
        Assert.Contains($"\"tree_size\": {anchored.TreeSize}", File.ReadAllText(service.StatePath), StringComparison.Ordinal);
        service.Service.ThrowIfErrorsLogged();
    }

    [Theory]
    [InlineData(ReportText.ChineseCode)]
    [InlineData(ReportText.EnglishCode)]
    public void MonitorText_EveryProblem_HasASentence(string language)
    {
        MonitorText text = MonitorText.For(language);

        Assert.Equal(Enum.GetValues<MonitorProblem>().Order(), text.Problems.Keys.Order());
        foreach (MonitorProblem problem in Enum.GetValues<MonitorProblem>())
        {
            Assert.NotEqual(MonitorText.Chinese.Describe(problem, "x", "y"), MonitorText.English.Describe(problem, "x", "y"));
        }
    }

    private static Digest Root(string seed) => Digest.Read(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    private static List<string> Lines(string text, string start) =>
        text.Split('\n').Where(line => line.StartsWith(start, StringComparison.Ordinal)).ToList();

    private void AssertState(string path, LogOrigin origin, Digest logId, Checkpoint anchored)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement state = document.RootElement;
        Assert.Equal("evidencechain-monitor-state/v1", state.GetProperty("format").GetString());
        Assert.Equal(origin.ToString(), state.GetProperty("origin").GetString());
        Assert.Equal(logId.ToHex(), state.GetProperty("log_id").GetString());
        Assert.Equal((ulong)AnvilProcess.ChainId, state.GetProperty("chain_id").GetUInt64());
        Assert.Equal(chain.Contract.Address.ToLowerInvariant(), state.GetProperty("contract").GetString());
        Assert.Equal(anchored.TreeSize, state.GetProperty("tree_size").GetUInt64());
        Assert.Equal(anchored.Root.ToHex(), state.GetProperty("root").GetString());
        Assert.StartsWith("0x", state.GetProperty("transaction_hash").GetString(), StringComparison.Ordinal);
    }
}
