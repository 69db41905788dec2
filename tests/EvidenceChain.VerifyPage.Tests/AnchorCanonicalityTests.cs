using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceChain.VerifyPage.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>
/// A receipt with a final anchor on the service's development chain, verified with an Ethereum node
/// named on the page (docs/verify-page.md §With a node you trust): the chain's own node says canonical
/// and final; an unrelated anvil, or a receipt claiming another chain, turns the verdict invalid with
/// the CLI's reason; a node nobody answers for leaves the offline verdict and says canonicality was not
/// checked. Real chromium, real service, real anvil nodes: the browser's fetch, CORS and CSP included.
/// </summary>
public sealed class AnchorCanonicalityTests(AnchoringPageFixture fixture) : IClassFixture<AnchoringPageFixture>
{
    /// <summary>What the page may ask a node: read-only JSON-RPC methods about chain id and blocks.</summary>
    private static readonly string[] s_readMethods = ["eth_chainId", "eth_getBlockByNumber", "eth_blockNumber"];

    [Fact]
    public async Task Verify_FinalAnchorWithTheChainsOwnNode_CanonicalAndFinalValidAndOnlyJsonRpcSentToIt()
    {
        DepositedEvidence deposit = fixture.FinalDeposit();
        string rpc = fixture.ChainRpc;
        VerifyPageDriver page = await OpenWithAsync(deposit, deposit.ReceiptPath, rpc);
        var requests = new List<IRequest>();
        void Record(object? sender, IRequest request)
        {
            lock (requests)
            {
                requests.Add(request);
            }
        }

        (string verdict, string? failure) result;
        fixture.Browser.Context.Request += Record;
        try
        {
            result = await page.VerifyAsync();
        }
        finally
        {
            fixture.Browser.Context.Request -= Record;
        }

        await page.ScreenshotAsync("anchor-canonical");
        ILocator anchors = page.Page.Locator("#anchors li[data-block-number]");

        Assert.True(result.verdict == "valid", $"{result.failure}: {await page.TextAsync("#result")}");
        Assert.True(await anchors.CountAsync() > 0, "no anchor shown");
        foreach (ILocator anchor in await anchors.AllAsync())
        {
            Assert.Equal("canonical", await anchor.GetAttributeAsync("data-canonicality"));
            Assert.Matches(@"✓ 在规范链上，已最终确认（节点的最终确认区块 \d+）", await anchor.InnerTextAsync());
        }

        Assert.Equal("canonical", await page.Page.Locator("#canonicality").GetAttributeAsync("data-state"));
        Assert.Contains(rpc, await page.TextAsync("#canonicality"), StringComparison.Ordinal);
        Assert.Contains("链标识 31337", await page.TextAsync("#canonicality"), StringComparison.Ordinal);

        // The node answered for every anchor: canonicality is no longer among what was not checked.
        Assert.DoesNotContain("规范链", await page.TextAsync("#not-checked"), StringComparison.Ordinal);
        await page.Page.Locator("#language-toggle").ClickAsync();
        Assert.Matches(@"✓ canonical and final \(the node's finalized block \d+\)", await anchors.First.InnerTextAsync());
        Assert.DoesNotContain("canonical history", await page.TextAsync("#not-checked"), StringComparison.Ordinal);

        // What went where: this server's pages by GET, and to the node only JSON-RPC reads, no file bytes.
        IRequest[] seen;
        lock (requests)
        {
            seen = [.. requests];
        }

        IRequest[] toNode = [.. seen.Where(r => r.Url.StartsWith(rpc, StringComparison.Ordinal))];
        Assert.Contains(toNode, r => r.Method == "POST");
        Assert.All(seen, r => Assert.DoesNotContain("EVIDENCE-MARKER", Uri.UnescapeDataString(r.Url), StringComparison.Ordinal));
        Assert.All(seen.Except(toNode), r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.StartsWith(fixture.PublicAddress + "/", r.Url, StringComparison.Ordinal);
            Assert.Null(r.PostDataBuffer);
        });
        Assert.All(toNode, r =>
        {
            // A CORS preflight, if the browser reports one, carries no body.
            if (r.Method == "OPTIONS")
            {
                Assert.Null(r.PostDataBuffer);
                return;
            }

            Assert.Equal("POST", r.Method);
            string body = Encoding.UTF8.GetString(r.PostDataBuffer!);
            Assert.DoesNotContain("EVIDENCE-MARKER", body, StringComparison.Ordinal);
            using JsonDocument call = JsonDocument.Parse(body);
            Assert.Equal(["id", "jsonrpc", "method", "params"], call.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("2.0", call.RootElement.GetProperty("jsonrpc").GetString());
            Assert.Contains(call.RootElement.GetProperty("method").GetString(), s_readMethods);
            Assert.True(body.Length < 200, "a JSON-RPC read is short; this one is not: " + body);
        });
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_FinalAnchorWithAnUnrelatedChainsNode_InvalidWithAnchorBlockHashMismatchAndOfflineReportKept()
    {
        DepositedEvidence deposit = fixture.FinalDeposit();
        (long blockNumber, string blockHash) = LandedAnchor(File.ReadAllText(deposit.ReceiptPath));

        // Another genesis time makes every block of the other node differ; it is mined past the anchor's block.
        using var other = AnvilProcess.Start("--timestamp", "1000000000");
        await other.CallAsync("anvil_mine", "0x" + (blockNumber + 3).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        VerifyPageDriver page = await OpenWithAsync(deposit, deposit.ReceiptPath, other.Rpc.GetLeftPart(UriPartial.Authority));

        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("anchor-not-canonical");

        Assert.Equal("invalid", verdict);
        Assert.Equal("AnchorBlockHashMismatch", failure);
        Assert.Contains("同一高度的区块哈希不同", await page.TextAsync("#verdict"), StringComparison.Ordinal);
        Assert.Equal("AnchorBlockHashMismatch", await page.TextAsync("#failure-name"));
        Assert.Contains($"the receipt's is {blockHash}", await page.TextAsync("#failure-detail"), StringComparison.Ordinal);

        // The offline report stays visible below the node's finding.
        Assert.Contains("离线核验报告", await page.TextAsync("#result"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", await page.TextAsync("#log-time"));
        Assert.Equal("AnchorBlockHashMismatch", await page.Page.Locator("#anchors li[data-block-number]").First.GetAttributeAsync("data-canonicality"));
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_FinalAnchorWithANodeWhoseChainIsShorter_InvalidWithAnchorBlockMissing()
    {
        DepositedEvidence deposit = fixture.FinalDeposit();
        using var fresh = AnvilProcess.Start();
        VerifyPageDriver page = await OpenWithAsync(deposit, deposit.ReceiptPath, fresh.Rpc.GetLeftPart(UriPartial.Authority));

        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("anchor-block-missing");

        Assert.Equal("invalid", verdict);
        Assert.Equal("AnchorBlockMissing", failure);
        Assert.Contains("(its head is 0)", await page.TextAsync("#failure-detail"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_ReceiptClaimingAnotherChainId_ValidOfflineButInvalidWithAnchorChainIdMismatch()
    {
        // A block header names no chain: offline, a receipt claiming chain 1 verifies; the node's eth_chainId pins it.
        DepositedEvidence deposit = fixture.FinalDeposit();
        JsonNode receipt = JsonNode.Parse(File.ReadAllText(deposit.ReceiptPath))!;
        foreach (JsonNode? anchor in receipt["anchors"]!.AsArray())
        {
            anchor!["chain_id"] = 1;
        }

        string claimingMainnet = fixture.WriteFile("claims-chain-1.receipt.json", Encoding.UTF8.GetBytes(receipt.ToJsonString()));
        VerifyPageDriver offline = await OpenWithAsync(deposit, claimingMainnet, rpc: null);
        (string offlineVerdict, _) = await offline.VerifyAsync();
        VerifyPageDriver page = await OpenWithAsync(deposit, claimingMainnet, fixture.ChainRpc);

        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("anchor-chain-id-mismatch");

        Assert.Equal("valid", offlineVerdict);
        Assert.Equal("invalid", verdict);
        Assert.Equal("AnchorChainIdMismatch", failure);
        Assert.Contains("anchor 1 is on chain 1, but the node at", await page.TextAsync("#failure-detail"), StringComparison.Ordinal);
        Assert.EndsWith("serves chain 31337", await page.TextAsync("#failure-detail"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_NodeNobodyListensOn_CouldNotCheckVerdictStaysValidAndCanonicalityNotChecked()
    {
        DepositedEvidence deposit = fixture.FinalDeposit();
        string nobody = ClosedPortAddress();
        VerifyPageDriver page = await OpenWithAsync(deposit, deposit.ReceiptPath, nobody);

        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("anchor-could-not-check");

        Assert.True(verdict == "valid", $"{failure}: {await page.TextAsync("#result")}");
        Assert.Equal("could-not-check", await page.Page.Locator("#canonicality").GetAttributeAsync("data-state"));
        string problem = await page.TextAsync("#canonicality-problem");
        Assert.StartsWith("无法核验规范性: eth_chainId: no answer from " + nobody, problem, StringComparison.Ordinal);
        Assert.Contains("规范链", await page.TextAsync("#not-checked"), StringComparison.Ordinal);
        Assert.Null(await page.Page.Locator("#anchors li[data-block-number]").First.GetAttributeAsync("data-canonicality"));

        // The node is remembered for the session: the page opened again in this tab shows it.
        await page.Page.ReloadAsync();
        Assert.Equal(nobody, await page.Page.Locator("#anchor-node").InputValueAsync());
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_NodeOverPlainHttpToAnotherHost_SentenceAndNoVerdict()
    {
        DepositedEvidence deposit = fixture.FinalDeposit();
        VerifyPageDriver page = await OpenWithAsync(deposit, deposit.ReceiptPath, "http://192.0.2.1:8545");

        await page.Page.Locator("#verify").ClickAsync();
        await page.Page.Locator("#input-problem").Filter(new LocatorFilterOptions { HasText = "https://" }).WaitForAsync();

        Assert.Contains("以太坊节点网址无法使用", await page.TextAsync("#input-problem"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Page.Locator("#verdict").CountAsync());
        fixture.Service.ThrowIfErrorsLogged();
    }

    private async Task<VerifyPageDriver> OpenWithAsync(DepositedEvidence deposit, string receiptPath, string? rpc)
    {
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);
        await page.ChooseEvidenceAsync(deposit.EvidencePath);
        await page.ChooseReceiptAsync(receiptPath);
        await page.ChooseSaltAsync(deposit.SaltPath);
        await page.ChooseKeysAsync(fixture.VerifierKeysPath);
        if (rpc is not null)
        {
            await page.Page.Locator("#anchor-node").FillAsync(rpc);
        }

        return page;
    }

    /// <summary>The block number and hash of the receipt's (first) landed anchor.</summary>
    private static (long BlockNumber, string BlockHash) LandedAnchor(string receiptJson)
    {
        JsonNode anchor = JsonNode.Parse(receiptJson)!["anchors"]!.AsArray()
            .First(a => a!["status"]!.GetValue<string>() is "final" or "included")!;
        return (anchor["block_number"]!.GetValue<long>(), anchor["block_hash"]!.GetValue<string>());
    }

    /// <summary>http://127.0.0.1:PORT where nothing listens: a port bound and closed again.</summary>
    private static string ClosedPortAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
