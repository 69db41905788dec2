using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) driven by
/// Microsoft.Playwright, headless, with a fresh profile that is deleted afterwards. Playwright's own
/// browser download does not work here, so the browser is launched by its executable path.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly TempDirectory _profile;

    private Chromium(IPlaywright playwright, TempDirectory profile, IBrowserContext context)
    {
        _playwright = playwright;
        _profile = profile;
        Context = context;
    }

    public IBrowserContext Context { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        var profile = new TempDirectory();

        // Playwright passes the profile as --user-data-dir itself: a persistent context is how it takes one.
        IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
        return new Chromium(playwright, profile, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        _profile.Dispose();
    }
}
