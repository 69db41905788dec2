using System.Text;
using System.Text.Json.Nodes;
using EvidenceChain.VerifyPage.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>
/// The verification page in chromium against the real service: a real deposit made with the CLI,
/// its receipt and salt file, verified in the browser; then one change at a time to the file, the
/// receipt or the keys, each showing the rule it breaks.
/// </summary>
public sealed class VerifyPageTests(PageFixture fixture) : IClassFixture<PageFixture>
{
    private static readonly byte[] s_evidence = Encoding.UTF8.GetBytes("合同第七条：保密义务延续至合同终止后五年。\nClause 7: confidentiality survives termination by five years.\n");

    [Fact]
    public async Task Verify_DepositedFileReceiptSaltAndKeys_ValidWithLogTime()
    {
        DepositedEvidence deposit = DepositWithNeighbours("valid-contract.txt", s_evidence);
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await ChooseAllAsync(page, deposit.EvidencePath, deposit.ReceiptPath, deposit.SaltPath, fixture.VerifierKeysPath);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("valid-zh");
        string logTime = await page.TextAsync("#log-time");
        string contentVerdict = await page.TextAsync("#content-verdict");
        string notChecked = await page.TextAsync("#not-checked");
        string htmlLanguage = (await page.Page.Locator("html").GetAttributeAsync("lang"))!;
        await page.Page.Locator("#language-toggle").ClickAsync();
        string englishVerdict = await page.TextAsync("#verdict");
        await page.ScreenshotAsync("valid-en");

        Assert.Equal("valid", verdict);
        Assert.Null(failure);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", logTime);
        Assert.Equal("zh-CN", htmlLanguage);
        Assert.Contains("所给文件正是存证的内容", contentVerdict, StringComparison.Ordinal);

        // The CLI's receipt carries the opening and the promise, and this service neither anchors nor
        // stamps: nothing is left unchecked, and the page says so rather than showing an empty list.
        Assert.Equal("无。", notChecked.Trim());
        Assert.Equal("en", await page.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("Valid", englishVerdict, StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_FileWithOneByteChanged_CommitmentMismatch()
    {
        DepositedEvidence deposit = DepositWithNeighbours("tampered-file.txt", s_evidence);
        byte[] tampered = File.ReadAllBytes(deposit.EvidencePath);
        tampered[^2] ^= 0x01;
        string tamperedPath = fixture.WriteFile("tampered-file-copy.txt", tampered);
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await ChooseAllAsync(page, tamperedPath, deposit.ReceiptPath, deposit.SaltPath, fixture.VerifierKeysPath);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("tampered-file");

        Assert.Equal("invalid", verdict);
        Assert.Equal("CommitmentMismatch", failure);
        Assert.Contains("不是存证的内容", await page.TextAsync("#verdict"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_ReceiptWithOneProofByteChanged_RootMismatch()
    {
        DepositedEvidence deposit = DepositWithNeighbours("tampered-receipt.txt", s_evidence);
        string tamperedReceipt = fixture.WriteFile("tampered-receipt.receipt.json", Encoding.UTF8.GetBytes(WithOneProofByteChanged(File.ReadAllText(deposit.ReceiptPath))));
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await ChooseAllAsync(page, deposit.EvidencePath, tamperedReceipt, deposit.SaltPath, fixture.VerifierKeysPath);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("tampered-receipt");

        Assert.Equal("invalid", verdict);
        Assert.Equal("RootMismatch", failure);
        Assert.Contains("RootMismatch (3)", await page.TextAsync("#failure-name"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_AnotherLogsKeys_NoTrustedSignature()
    {
        DepositedEvidence deposit = DepositWithNeighbours("wrong-key.txt", s_evidence);
        string otherLogKeys = Path.Combine(ServiceHostProcess.RepoRoot(), "docs", "examples", "notary.vkeys");
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await ChooseAllAsync(page, deposit.EvidencePath, deposit.ReceiptPath, deposit.SaltPath, otherLogKeys);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("wrong-key");

        Assert.Equal("invalid", verdict);
        Assert.Equal("NoTrustedSignature", failure);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_LocatorPastedAndServerKeys_ReceiptFetchedAndValidWithKeyWarning()
    {
        DepositedEvidence deposit = DepositWithNeighbours("by-locator.txt", s_evidence);
        string locator = fixture.Cli.MintLocator(deposit.DepositId());
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        // As a certificate's QR code gives it: a URL ending in the locator, here of another host.
        await page.FetchReceiptAsync("https://notary.example.cn/r/" + locator);
        await page.ChooseEvidenceAsync(deposit.EvidencePath);
        await page.ChooseSaltAsync(deposit.SaltPath);
        await page.Page.Locator("#use-server-keys").ClickAsync();
        await page.Page.Locator("#key-fingerprints li").First.WaitForAsync();
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("locator-server-keys");
        string[] shownFingerprints = [.. (await page.Page.Locator("#key-fingerprints li").AllAsync()).Select(li => li.GetAttributeAsync("data-fingerprint").Result!)];

        Assert.Equal("valid", verdict);
        Assert.Null(failure);
        Assert.True(await page.Page.Locator("#server-keys-note").IsVisibleAsync());
        Assert.Contains("比对", await page.TextAsync("#server-keys-note"), StringComparison.Ordinal);
        Assert.Equal(KeyFingerprints(File.ReadAllText(fixture.VerifierKeysPath)), shownFingerprints);
        Assert.Contains("/v1/receipts/" + locator, await page.TextAsync("#receipt-source"), StringComparison.Ordinal);

        // The locator's receipt has no depositor opening (only the depositor's salt adds it): said, not checked.
        Assert.Contains("存证人", await page.TextAsync("#not-checked"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_AllFilesDroppedTogether_EachTakenForWhatItsNameSaysAndValid()
    {
        DepositedEvidence deposit = DepositWithNeighbours("dropped.txt", s_evidence);
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);
        string[] paths = [deposit.ReceiptPath, deposit.EvidencePath, fixture.VerifierKeysPath, deposit.SaltPath];
        var files = paths.Select(p => new { name = Path.GetFileName(p), base64 = Convert.ToBase64String(File.ReadAllBytes(p)) }).ToArray();

        // What a drag from the file manager delivers: one drop event whose DataTransfer holds the files.
        await page.Page.Locator("#drop-zone").EvaluateAsync(
            """
            (zone, files) => {
              const transfer = new DataTransfer();
              for (const file of files) {
                const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
                transfer.items.add(new File([bytes], file.name));
              }
              zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
            """,
            files);
        await page.Page.Locator("#key-fingerprints li").First.WaitForAsync();
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("dropped");

        Assert.Equal("valid", verdict);
        Assert.Null(failure);
        Assert.Equal("true", await page.Page.Locator("#content-verdict").GetAttributeAsync("data-content-checked"));
        Assert.Equal("dropped.txt", await page.Page.Locator("#evidence-file").EvaluateAsync<string>("input => input.files[0].name"));
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_UnknownLocatorAndMissingKeys_ClearMessagesAndNoVerdict()
    {
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await page.Page.Locator("#locator").FillAsync("not a locator");
        await page.Page.Locator("#fetch-receipt").ClickAsync();
        string badLocator = await page.TextAsync("#input-problem");
        await page.Page.Locator("#locator").FillAsync(new string('0', 32));
        await page.Page.Locator("#fetch-receipt").ClickAsync();
        await page.Page.Locator("#input-problem").Filter(new LocatorFilterOptions { HasText = "定位码未知或已撤销" }).WaitForAsync();
        DepositedEvidence deposit = DepositWithNeighbours("no-keys.txt", s_evidence);
        await page.ChooseReceiptAsync(deposit.ReceiptPath);
        await page.Page.Locator("#verify").ClickAsync();
        string missingKeys = await page.TextAsync("#input-problem");
        await page.ScreenshotAsync("missing-keys");

        Assert.Contains("32 位十六进制", badLocator, StringComparison.Ordinal);
        Assert.Contains("请选择公证处的公钥文件", missingKeys, StringComparison.Ordinal);
        Assert.Equal(0, await page.Page.Locator("#verdict").CountAsync());
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_TsaRootThatIsNoCertificate_UnusableInputNotAVerdictOnTheReceipt()
    {
        DepositedEvidence deposit = DepositWithNeighbours("bad-root.txt", s_evidence);
        string notAPem = fixture.WriteFile("not-a-root.pem", Encoding.UTF8.GetBytes("this is not a certificate\n"));
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await ChooseAllAsync(page, deposit.EvidencePath, deposit.ReceiptPath, deposit.SaltPath, fixture.VerifierKeysPath);
        await page.Page.Locator("#tsa-roots").SetInputFilesAsync(notAPem);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("unusable-tsa-root");

        Assert.Equal("unusable-input", verdict);
        Assert.Null(failure);
        Assert.Contains("TSA root 1 holds no PEM certificate", await page.TextAsync("#failure-detail"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Verify_WhileVerifying_NoRequestCarriesTheFileAndAllAreSameOriginReads()
    {
        // A marker that would show in any request that carried the file, or a digest-free part of it.
        byte[] content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("EVIDENCE-MARKER-7f3a ", 4000)));
        DepositedEvidence deposit = DepositWithNeighbours("private.txt", content);
        string locator = fixture.Cli.MintLocator(deposit.DepositId());
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);
        var requests = new List<IRequest>();
        void Record(object? sender, IRequest request)
        {
            lock (requests)
            {
                requests.Add(request);
            }
        }

        fixture.Browser.Context.Request += Record;
        try
        {
            await page.FetchReceiptAsync(locator);
            await page.ChooseEvidenceAsync(deposit.EvidencePath);
            await page.ChooseSaltAsync(deposit.SaltPath);
            await page.Page.Locator("#use-server-keys").ClickAsync();
            await page.Page.Locator("#key-fingerprints li").First.WaitForAsync();
            (string verdict, _) = await page.VerifyAsync();
            Assert.Equal("valid", verdict);
        }
        finally
        {
            fixture.Browser.Context.Request -= Record;
        }

        IRequest[] seen;
        lock (requests)
        {
            seen = [.. requests];
        }

        Assert.Contains(seen, r => r.Url.EndsWith("/v1/receipts/" + locator, StringComparison.Ordinal));
        Assert.Contains(seen, r => r.Url.EndsWith("/v1/keys", StringComparison.Ordinal));
        Assert.All(seen, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.StartsWith(fixture.PublicAddress + "/", r.Url, StringComparison.Ordinal);
            Assert.Null(r.PostDataBuffer);
            Assert.DoesNotContain("EVIDENCE-MARKER", Uri.UnescapeDataString(r.Url), StringComparison.Ordinal);
        });
        fixture.Service.ThrowIfErrorsLogged();
    }

    private static async Task ChooseAllAsync(VerifyPageDriver page, string evidence, string receipt, string salt, string keys)
    {
        await page.ChooseEvidenceAsync(evidence);
        await page.ChooseReceiptAsync(receipt);
        await page.ChooseSaltAsync(salt);
        await page.ChooseKeysAsync(keys);
    }

    /// <summary>A deposit after one more, so the tree has more than one leaf and the proof has hashes.</summary>
    private DepositedEvidence DepositWithNeighbours(string name, byte[] content)
    {
        fixture.Deposit("neighbour-of-" + name, Encoding.UTF8.GetBytes("another deposit beside " + name));
        return fixture.Deposit(name, content);
    }

    /// <summary>The receipt with one bit flipped in the first hash of its inclusion proof (the line after "index N").</summary>
    private static string WithOneProofByteChanged(string receiptJson)
    {
        JsonNode receipt = JsonNode.Parse(receiptJson)!;
        string[] lines = receipt["tlog_proof"]!.GetValue<string>().Split('\n');
        int firstHash = Array.FindIndex(lines, l => l.StartsWith("index ", StringComparison.Ordinal)) + 1;
        Assert.True(lines[firstHash].Length == 44, "the proof has no hash to change: " + lines[firstHash]);
        byte[] hash = Convert.FromBase64String(lines[firstHash]);
        hash[0] ^= 0x01;
        lines[firstHash] = Convert.ToBase64String(hash);
        receipt["tlog_proof"] = string.Join('\n', lines);
        return receipt.ToJsonString();
    }

    /// <summary>SHA-256 of each key's encoding, as checkpoint.md says to show it.</summary>
    private static string[] KeyFingerprints(string verifierKeys) =>
        [.. verifierKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Convert.FromBase64String(line[(line.IndexOf('+', line.IndexOf('+') + 1) + 1)..]))
            .Select(encoding => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(encoding)))];
}
