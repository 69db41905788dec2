using System.Text;
using EvidenceChain.VerifyPage.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>
/// The auditor's page (/verify/audit) in chromium against the real service: the latest checkpoint
/// verified with the log's keys, then again after the log grew, and the consistency proof the
/// service gives between the two sizes checked in the browser.
/// </summary>
public sealed class AuditPageTests(PageFixture fixture) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Audit_TwoLatestCheckpointsAsTheLogGrows_BothVerifyAndAreConsistent()
    {
        fixture.Deposit("first.txt", Encoding.UTF8.GetBytes("the first deposit"));
        IPage page = await OpenAsync(fixture.VerifierKeysPath);

        ulong firstSize = await FetchLatestAsync(page);
        fixture.Deposit("second.txt", Encoding.UTF8.GetBytes("the second deposit"));
        fixture.Deposit("third.txt", Encoding.UTF8.GetBytes("the third deposit"));
        ulong secondSize = await FetchLatestAsync(page);
        await page.Locator("#first-size").FillAsync(firstSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#second-size").FillAsync(secondSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#check-consistency").ClickAsync();
        ILocator verdict = page.Locator("#consistency-verdict");
        await verdict.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ScreenshotDirectory, "audit-consistent.png"), FullPage = true });

        Assert.True(secondSize > firstSize, $"the log did not grow: {firstSize} then {secondSize}");
        Assert.Equal("consistent", await verdict.GetAttributeAsync("data-verdict"));
        Assert.Equal(2, await page.Locator("#known-checkpoints li").CountAsync());
        Assert.Equal(64, (await page.Locator("#checkpoint-root").InnerTextAsync()).Length);
        Assert.Contains("不做区块链锚定", await page.Locator("#checkpoint-anchors").InnerTextAsync(), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Audit_AnotherLogsKeysOrAnUnverifiedSize_CheckpointRefusedAndSizeAskedFor()
    {
        fixture.Deposit("audited.txt", Encoding.UTF8.GetBytes("a deposit to audit"));
        IPage page = await OpenAsync(Path.Combine(ServiceHostProcess.RepoRoot(), "docs", "examples", "notary.vkeys"));

        await page.Locator("#fetch-checkpoint").ClickAsync();
        ILocator verdict = page.Locator("#checkpoint-verdict");
        await verdict.WaitForAsync();
        await page.Locator("#first-size").FillAsync("1");
        await page.Locator("#second-size").FillAsync("2");
        await page.Locator("#check-consistency").ClickAsync();
        string problem = await page.Locator("#audit-problem").InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ScreenshotDirectory, "audit-wrong-key.png"), FullPage = true });

        Assert.Equal("invalid", await verdict.GetAttributeAsync("data-verdict"));
        Assert.Equal("NoTrustedSignature", await verdict.GetAttributeAsync("data-failure"));
        Assert.Contains("没有该大小的已核验检查点", problem, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#consistency-verdict").CountAsync());
        fixture.Service.ThrowIfErrorsLogged();
    }

    private async Task<IPage> OpenAsync(string keysPath)
    {
        IPage page = await fixture.Browser.Context.NewPageAsync();
        await page.GotoAsync(fixture.PublicAddress + "/verify/audit");
        await page.Locator("#keys-file").SetInputFilesAsync(keysPath);
        await page.Locator("#key-fingerprints li").First.WaitForAsync();
        return page;
    }

    /// <summary>Fetches and verifies the latest checkpoint; returns its size once the page shows it verified.</summary>
    private static async Task<ulong> FetchLatestAsync(IPage page)
    {
        string? before = await page.Locator("#checkpoint-size").CountAsync() > 0 ? await page.Locator("#checkpoint-size").InnerTextAsync() : null;
        await page.Locator("#fetch-checkpoint").ClickAsync();
        await page.WaitForFunctionAsync(
            "before => { const size = document.querySelector('#checkpoint-size'); return size !== null && size.textContent !== before; }",
            before);
        Assert.Equal("valid", await page.Locator("#checkpoint-verdict").GetAttributeAsync("data-verdict"));
        return ulong.Parse(await page.Locator("#checkpoint-size").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
