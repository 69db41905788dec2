using System.Net;
using EvidenceChain.VerifyPage.Tests.Support;

namespace EvidenceChain.VerifyPage.Tests;

/// <summary>How the public listener serves the page, over real HTTP: types, the security headers, and the way to it from a wrong path.</summary>
public sealed class ServingTests(PageFixture fixture) : IClassFixture<PageFixture>
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; " +
        "style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/verify", "text/html")]
    [InlineData("/verify/", "text/html")]
    [InlineData("/verify/audit", "text/html")]
    [InlineData("/verify/main.js", "text/javascript")]
    [InlineData("/verify/audit.js", "text/javascript")]
    [InlineData("/verify/worker.js", "text/javascript")]
    [InlineData("/verify/styles.css", "text/css")]
    public async Task Get_PageOrAsset_ServedWithItsTypeUtf8AndTheStrictPolicy(string path, string mediaType)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.PublicAddress) };

        HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Get_PagesAndScripts_NoInlineScriptNorThirdPartyResource()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.PublicAddress) };

        foreach (string page in (string[])["/verify", "/verify/audit"])
        {
            string html = await http.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        }
    }

    [Fact]
    public async Task Get_UnknownPath_RefusalNamesTheVerificationPage()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.PublicAddress) };

        HttpResponseMessage response = await http.GetAsync(new Uri("/verification", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("verification page at /verify", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKeys_ThePublishedVerifierKeys()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.PublicAddress) };

        string keys = await http.GetStringAsync(new Uri("/v1/keys", UriKind.Relative));

        Assert.Equal(File.ReadAllText(fixture.VerifierKeysPath), keys);
    }
}
