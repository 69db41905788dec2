using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The verification page (docs/verify-page.md) on the public listener: <c>/verify</c> for courts and
/// the public, <c>/verify/audit</c> for auditors, and their scripts under <c>/verify/</c>. The files
/// are built by <c>src/verify-page/build.mjs</c> into <c>wwwroot/verify</c>, committed, and embedded in
/// this assembly, so the page served is the one built into the binary, whatever the working directory.
/// </summary>
/// <remarks>
/// The evidence file never leaves the browser; the policy below holds the page to that: scripts from
/// this origin only, no inline script, no third-party resource. hash-wasm compiles WebAssembly, which
/// needs <c>'wasm-unsafe-eval'</c> (it allows compiling WebAssembly, not eval). Connections go to this
/// origin and, for the Ethereum node the user names to check anchors' canonicality, to any https origin
/// or a node on the user's own computer over http: the user chooses the node, so no list could name it.
/// What is sent there is decided by the page's own code (JSON-RPC reads built from the report, in the
/// page, not the worker that holds the file); docs/verify-page.md §The file never leaves the browser.
/// </remarks>
internal static class VerifyPage
{
    public const string PagePath = "/verify";
    public const string AuditPath = "/verify/audit";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; " +
        "style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The manifest name prefix the Service project gives the embedded page files (see its csproj).</summary>
    private const string ResourcePrefix = "EvidenceChain.Service.VerifyPage";

    private static readonly PathString s_pagePath = PagePath;

    /// <summary>
    /// Serves the page. Call before routing: the public listener's fallback matches every path,
    /// and the static file middleware steps aside for any request routing already gave an endpoint.
    /// </summary>
    public static void Use(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(VerifyPage).Assembly, ResourcePrefix);

        // The two pages by their names, without an extension; the assets keep theirs.
        app.Use((http, next) =>
        {
            PathString path = http.Request.Path;
            if (path.Equals(PagePath, StringComparison.Ordinal) || path.Equals(PagePath + "/", StringComparison.Ordinal))
            {
                http.Request.Path = PagePath + "/index.html";
            }
            else if (path.Equals(AuditPath, StringComparison.Ordinal) || path.Equals(AuditPath + "/", StringComparison.Ordinal))
            {
                http.Request.Path = PagePath + "/audit.html";
            }

            return next(http);
        });

        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();

        // Only what build.mjs writes; anything else under /verify is not served. The charset is
        // said, not sniffed: the string table holds Chinese.
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".wasm"] = "application/wasm";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = s_pagePath,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                IHeaderDictionary headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // A court may open the page again after an upgrade: always revalidate.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
