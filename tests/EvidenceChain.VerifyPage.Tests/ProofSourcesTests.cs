using System.Text;
using EvidenceChain.VerifyPage.Tests.Support;
using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>
/// A receipt with every source of time — the log's, the built-in TSA's token, a final anchor on the
/// local development chain (anvil) — verified on the page: each proof shown with where its time comes from.
/// </summary>
public sealed class ProofSourcesTests(AnchoringPageFixture fixture) : IClassFixture<AnchoringPageFixture>
{
    [Fact]
    public async Task Verify_ReceiptWithTimestampAndFinalAnchor_EachTimeShownWithItsSource()
    {
        DepositedEvidence deposit = fixture.Deposit("anchored.txt", Encoding.UTF8.GetBytes("a deposit with every source of time\n"));
        fixture.Cli.UpgradeReceiptUntilFinal(deposit);
        string receipt = File.ReadAllText(deposit.ReceiptPath);
        VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);

        await page.ChooseEvidenceAsync(deposit.EvidencePath);
        await page.ChooseReceiptAsync(deposit.ReceiptPath);
        await page.ChooseSaltAsync(deposit.SaltPath);
        await page.ChooseKeysAsync(fixture.VerifierKeysPath);
        await page.Page.Locator("#tsa-roots").SetInputFilesAsync(fixture.TsaRootPath);
        await page.Page.Locator("#operator-tsa").SetInputFilesAsync(fixture.TsaCertificatePath);
        (string verdict, string? failure) = await page.VerifyAsync();
        await page.ScreenshotAsync("timestamp-and-anchor");
        ILocator timestamps = page.Page.Locator("#timestamps li[data-source]");
        ILocator anchors = page.Page.Locator("#anchors li[data-block-number]");

        Assert.True(verdict == "valid", $"{failure}: {await page.TextAsync("#result")}\n{receipt}");
        Assert.True(await timestamps.CountAsync() > 0, "no timestamp shown; the receipt:\n" + receipt);
        Assert.Equal("operator", await timestamps.First.GetAttributeAsync("data-source"));
        Assert.Contains("运营方时间", await timestamps.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await anchors.CountAsync() > 0, "no anchor shown; the receipt:\n" + receipt);
        Assert.Matches(@"区块 \d+ · 区块时间 \d{4}-\d{2}-\d{2}T", await anchors.First.InnerTextAsync());

        // Offline, the page cannot tell whether the block is canonical: it says so.
        Assert.Contains("规范链", await page.TextAsync("#not-checked"), StringComparison.Ordinal);
        fixture.Service.ThrowIfErrorsLogged();
    }
}
