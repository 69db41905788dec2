using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>The verification page (/verify) as a person uses it: choose files, press Verify, read the verdict.</summary>
internal sealed class VerifyPageDriver(IPage page)
{
    /// <summary>How long a verdict may take for a small file (a 2 GiB one passes its own).</summary>
    public static readonly TimeSpan VerdictTimeout = TimeSpan.FromSeconds(60);

    public IPage Page { get; } = page;

    public static async Task<VerifyPageDriver> OpenAsync(IBrowserContext context, string publicAddress)
    {
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(publicAddress + "/verify");
        return new VerifyPageDriver(page);
    }

    public Task ChooseEvidenceAsync(string path) => Page.Locator("#evidence-file").SetInputFilesAsync(path);

    public Task ChooseReceiptAsync(string path) => Page.Locator("#receipt-file").SetInputFilesAsync(path);

    public Task ChooseSaltAsync(string path) => Page.Locator("#salt-file").SetInputFilesAsync(path);

    /// <summary>Chooses a keys file and waits until the page shows its fingerprints.</summary>
    public async Task ChooseKeysAsync(string path)
    {
        await Page.Locator("#keys-file").SetInputFilesAsync(path);
        await Page.Locator("#key-fingerprints li").First.WaitForAsync();
    }

    public async Task FetchReceiptAsync(string locatorOrUrl)
    {
        await Page.Locator("#locator").FillAsync(locatorOrUrl);
        await Page.Locator("#fetch-receipt").ClickAsync();
        await Page.Locator("#receipt-source").Filter(new LocatorFilterOptions { HasText = "/v1/receipts/" }).WaitForAsync();
    }

    /// <summary>Presses Verify and waits for the verdict; returns its data-verdict and data-failure.</summary>
    public async Task<(string Verdict, string? Failure)> VerifyAsync(TimeSpan? timeout = null)
    {
        await Page.Locator("#verify").ClickAsync();
        ILocator verdict = Page.Locator("#verdict");
        await verdict.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)(timeout ?? VerdictTimeout).TotalMilliseconds });
        return ((await verdict.GetAttributeAsync("data-verdict"))!, await verdict.GetAttributeAsync("data-failure"));
    }

    public Task<string> TextAsync(string selector) => Page.Locator(selector).InnerTextAsync();

    /// <summary>A full-page screenshot into the test run's TestResults/verify-page folder.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
