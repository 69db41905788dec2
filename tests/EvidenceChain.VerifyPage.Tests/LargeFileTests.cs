using EvidenceChain.VerifyPage.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>
/// A 2 GiB file deposited with the CLI and verified on the page: it streams through the Web Worker
/// piece by piece, the progress bar moves, and neither the page's nor the worker's JavaScript heap
/// ever holds more than 256 MiB. No wall-clock assertion: only a generous bound on the whole run.
/// </summary>
public sealed class LargeFileTests(PageFixture fixture, ITestOutputHelper output) : IClassFixture<PageFixture>
{
    private const long FileSizeBytes = 2L * 1024 * 1024 * 1024;
    private const long HeapBytesMax = 256L * 1024 * 1024;

    [Fact(Timeout = 20 * 60 * 1000)]
    public async Task Verify_TwoGibFile_ValidAndHeapsStayUnder256MiB()
    {
        DepositedEvidence deposit = fixture.Cli.Deposit(WriteLargeFile(fixture.FilePath("two-gib.bin")));
        try
        {
            VerifyPageDriver page = await VerifyPageDriver.OpenAsync(fixture.Browser.Context, fixture.PublicAddress);
            HeapSampler heaps = await HeapSampler.AttachAsync(fixture.Browser.Context, page.Page);
            await page.ChooseEvidenceAsync(deposit.EvidencePath);
            await page.ChooseReceiptAsync(deposit.ReceiptPath);
            await page.ChooseSaltAsync(deposit.SaltPath);
            await page.ChooseKeysAsync(fixture.VerifierKeysPath);

            await page.Page.Locator("#verify").ClickAsync();
            long pageMax = 0;
            long workerMax = 0;
            int workerSamples = 0;
            long hashedMidway = 0;
            ILocator verdict = page.Page.Locator("#verdict");
            DateTime giveUpAt = DateTime.UtcNow + TimeSpan.FromMinutes(15);
            while (await verdict.CountAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < giveUpAt, "no verdict within 15 minutes");
                (long pageBytes, long[] workerBytes) = await heaps.SampleAsync();
                pageMax = Math.Max(pageMax, pageBytes);
                foreach (long bytes in workerBytes)
                {
                    workerMax = Math.Max(workerMax, bytes);
                    workerSamples++;
                }

                string? hashed = await page.Page.Locator("#hash-progress").GetAttributeAsync("data-hashed-bytes");
                long hashedBytes = hashed is null ? 0 : long.Parse(hashed, System.Globalization.CultureInfo.InvariantCulture);
                if (hashedMidway == 0 && hashedBytes > 0 && hashedBytes < FileSizeBytes)
                {
                    hashedMidway = hashedBytes;
                    await page.ScreenshotAsync("two-gib-hashing");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            await page.ScreenshotAsync("two-gib-valid");
            output.WriteLine($"largest heaps: page {pageMax} bytes, worker {workerMax} bytes, {workerSamples} worker samples");

            Assert.Equal("valid", await verdict.GetAttributeAsync("data-verdict"));
            Assert.Equal("true", await page.Page.Locator("#content-verdict").GetAttributeAsync("data-content-checked"));
            Assert.True(hashedMidway > 0, "the progress bar never showed the file part-way hashed");
            Assert.True(workerSamples >= 3, $"the worker's heap was sampled {workerSamples} times");
            Assert.InRange(pageMax, 1, HeapBytesMax);
            Assert.InRange(workerMax, 1, HeapBytesMax);
            fixture.Service.ThrowIfErrorsLogged();
        }
        finally
        {
            File.Delete(deposit.EvidencePath);
        }
    }

    /// <summary>2 GiB of a repeating 1 MiB pattern (each MiB begins with its own number, so no two are alike).</summary>
    private static string WriteLargeFile(string path)
    {
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < block.Length; i++)
        {
            block[i] = (byte)((i * 31 + 7) & 0xff);
        }

        using FileStream file = File.Create(path);
        for (int mebibyte = 0; mebibyte < FileSizeBytes / block.Length; mebibyte++)
        {
            BitConverter.TryWriteBytes(block, mebibyte);
            file.Write(block);
        }

        return path;
    }
}
