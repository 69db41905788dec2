using System.Net;
using System.Net.Sockets;
using System.Text;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>verify</c> with chain anchors, on a real anvil: a receipt whose anchor was made on the chain
/// (contract call, then the receipt proof built from the node) verifies offline and, with
/// <c>--rpc</c>, on the chain; a node of another chain history, a changed block hash or root, an
/// unreachable node and a block that is not final yet each give their own exit code and one line.
/// </summary>
public sealed class AnchorVerifyTests(AnchoredChain chain) : IClassFixture<AnchoredChain>
{
    private static readonly byte[] s_content = Encoding.UTF8.GetBytes("锚定在链上的证据\nanchored evidence\n");

    [Fact]
    public async Task Verify_FinalAnchorWithRpc_ExitsZeroAndNamesTheNodeItTrusted()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit));
        string receipt = AnchoredReceipt.Write(deposit, [anchor]);
        string rpc = chain.Anvil.Rpc.GetLeftPart(UriPartial.Authority);

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", rpc, "--lang", "en"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Verdict: valid", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ethereum node trusted for the anchors' blocks (--rpc): " + rpc, result.Output, StringComparison.Ordinal);
        Assert.Matches($@"✓ canonicality checked against {rpc} \(chain id 31337, finalized block \d+\): the anchor's block {anchor.Landing!.BlockNumber} is on its canonical chain with the receipt's hash, and final", result.Output);
        Assert.Contains("transaction hash: " + anchor.Landing.TransactionHash, result.Output, StringComparison.Ordinal);
        Assert.Contains("block hash: " + anchor.Landing.BlockHash, result.Output, StringComparison.Ordinal);
        Assert.Contains("anchored checkpoint root (hex): 0x" + anchor.Root.ToHex(), result.Output, StringComparison.Ordinal);
        Assert.Contains("status the notary claims: final", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("was not checked (give --rpc", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FinalAnchorWithoutRpc_ExitsZeroAndSaysCanonicalityWasNotChecked()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = AnchoredReceipt.Write(deposit, [await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit))]);

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("✓ 区块链锚定有效", result.Output, StringComparison.Ordinal);
        Assert.Contains("- 未核验锚定区块是否位于链的规范历史上并已最终确认（需用 --rpc 指定您信任的以太坊节点，而非公证处的节点）", result.Output, StringComparison.Ordinal);
        Assert.Contains("公证处声明的锚定状态：已最终确认", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnotherChainHistoryWithTheSameChainId_ExitsOneWithBlockHashMismatch()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit));
        string receipt = AnchoredReceipt.Write(deposit, [anchor]);

        // Another genesis time makes every block of the other node differ; it is mined past the anchor's block.
        using var other = AnvilProcess.Start("--timestamp", "1000000000", "--slots-in-an-epoch", "1");
        await other.MineAsync(checked((int)anchor.Landing!.BlockNumber + 3));
        string rpc = other.Rpc.GetLeftPart(UriPartial.Authority);

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", rpc, "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Verdict: invalid", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "Reason: the anchor's block is not on the canonical chain of the Ethereum node you trust (another block has that number) [AnchorBlockHashMismatch]",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains($"the receipt's is {anchor.Landing.BlockHash}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✓ canonicality checked", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NodeWhoseChainIsShorter_ExitsOneWithBlockMissing()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = AnchoredReceipt.Write(deposit, [await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit))]);
        using var fresh = AnvilProcess.Start();

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", fresh.Rpc.ToString(), "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[AnchorBlockMissing]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChainIdChangedInTheReceipt_PassesOfflineButExitsOneWithChainIdMismatch()
    {
        // The block proof cannot bind the chain id (a post-merge header does not hold it): only a node can.
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit));
        string receipt = AnchoredReceipt.Write(deposit, [anchor with { ChainId = 1 }]);

        CliResult offline = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt));
        CliResult online = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", chain.Anvil.Rpc.ToString(), "--lang", "en"));

        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.True(online.ExitCode == 1, online.ToString());
        Assert.Contains("Reason: the Ethereum node you trust serves another chain than the anchor's [AnchorChainIdMismatch]", online.Output, StringComparison.Ordinal);
        Assert.Contains("is on chain 1, but the node at", online.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BlockHashAltered_FailsOfflineWithoutAskingTheNode()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit));
        string altered = FlipLastHexDigit(anchor.Landing!.BlockHash);
        string receipt = AnchoredReceipt.Write(deposit, [anchor with { Landing = anchor.Landing with { BlockHash = altered } }]);

        // A node that cannot be reached: an exit code of 1, not 2, shows it was never asked.
        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", ClosedPortAddress(), "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains(
            "Reason: the anchor's block proof does not hold (the block header, receipt proof or anchor event does not match the receipt) [AnchorProofInvalid]",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("HeaderHashMismatch", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnchoredRootAltered_FailsOfflineWithAnchorInconsistent()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit));
        Digest altered = Digest.FromHex(FlipLastHexDigit(anchor.Root.ToHex()));
        string receipt = AnchoredReceipt.Write(deposit, [anchor with { Root = altered }]);

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", chain.Anvil.Rpc.ToString(), "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Reason: the anchored checkpoint does not extend the receipt's (the consistency proof fails) [AnchorInconsistent]", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("canonicality checked", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnreachableNode_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = AnchoredReceipt.Write(deposit, [await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit))]);
        string rpc = ClosedPortAddress();

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", rpc, "--lang", "en"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith($"error: cannot reach the Ethereum node at {rpc}: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(" (check --rpc)\n", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Verify_NodeThatIsNotAnEthereumNode_ExitsTwoWithOneLine()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string receipt = AnchoredReceipt.Write(deposit, [await chain.AnchorAsync(AnchoredReceipt.CheckpointOf(deposit))]);
        using var listener = new HttpListener();
        string address = $"http://127.0.0.1:{FreePort()}/";
        listener.Prefixes.Add(address);
        listener.Start();
        Task answer = Task.Run(async () =>
        {
            HttpListenerContext context = await listener.GetContextAsync();
            context.Response.StatusCode = 404;
            context.Response.Close();
        });

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", address, "--lang", "en"));
        await answer;

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the Ethereum node at {address.TrimEnd('/')} gave an answer that cannot be used: HTTP 404 Not Found to eth_chainId\n", result.Error);
    }

    [Fact]
    public async Task Verify_AnchorNotYetFinal_ExitsOneWithNotFinal()
    {
        // anvil finalizes 64 blocks (two epochs of 32 slots) behind its head by default: a young chain has only its genesis final.
        using TestAnchorChain young = await TestAnchorChain.StartAsync();
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        EvmAnchorSection anchor = await AnchoredChain.AnchorOnAsync(young, AnchoredReceipt.CheckpointOf(deposit), AnchorState.Included);
        string receipt = AnchoredReceipt.Write(deposit, [anchor]);

        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, AnchoredReceipt.VerifyArgs(deposit, receipt, "--rpc", young.Anvil.Rpc.ToString(), "--lang", "en"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Reason: the anchor's block is not final yet and could still be reorganized away; verify again later [AnchorBlockNotFinal]", result.Output, StringComparison.Ordinal);
        Assert.Contains("is above the node's finalized block 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RpcOnAReceiptWithoutAnchors_SaysTheNodeWasNotAsked()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);
        string rpc = ClosedPortAddress();

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--rpc", rpc, "--lang", "en"]));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"- --rpc {rpc} was given, but the receipt has no anchor proven offline, so the node was not asked", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8545", "error: 'ftp://127.0.0.1:8545' is not the JSON-RPC address of an Ethereum node: give http://host:port or https://host:port/path\n")]
    [InlineData("http://user:secret@127.0.0.1:8545", "error: 'http://user:secret@127.0.0.1:8545' is not the JSON-RPC address of an Ethereum node: give http://host:port or https://host:port/path\n")]
    public void Verify_RpcThatIsNotAnHttpAddress_ExitsTwoWithOneLine(string rpc, string expected)
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--rpc", rpc, "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Verify_DepthWithoutRpc_ExitsTwoAsUsageError()
    {
        using TestDeposit deposit = TestDeposit.OfFile(s_content);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--depth", "6", "--lang", "en"]));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("error: --depth needs --rpc (see --help)\n", result.Error);
    }

    private static string FlipLastHexDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');

    /// <summary>An address on 127.0.0.1 where nothing listens (the port was free a moment ago).</summary>
    private static string ClosedPortAddress() => $"http://127.0.0.1:{FreePort()}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
