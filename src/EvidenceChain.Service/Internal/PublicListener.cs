using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using EvidenceChain.Certificates;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Locators;
using EvidenceChain.Engine.Timestamping;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using OpenTelemetry.Metrics;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The public web listener: anonymous readers, TLS server authentication only (no client
/// certificate is asked for), HTTP/1.1 and HTTP/2, serving <see cref="PublicRoutes"/>.
/// </summary>
/// <remarks>
/// It is a second, small web host in the same process rather than more endpoints on the gRPC host:
/// its own Kestrel, addresses, TLS options, limits and rate limiter, and only the JSON routes — so
/// no gRPC service is reachable on its port and no JSON route on the gRPC port, by construction
/// rather than by a port filter that a new endpoint could forget. It shares the gRPC host's
/// singletons (the queries, the locators, the anchoring view), so both see the same log. The gRPC
/// host owns the lifetime: this one stops when that one stops, before the store closes.
/// </remarks>
internal sealed class PublicListener
{
    private readonly WebApplication _app;

    private PublicListener(WebApplication app, IReadOnlyList<string> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The bound addresses (port 0 resolved).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>
    /// Starts the listener beside the running gRPC host <paramref name="grpcHost"/>; returns it, or
    /// why it cannot start (a sentence for the operator).
    /// </summary>
    public static async Task<(PublicListener? Listener, string? Refusal)> StartAsync(WebApplication grpcHost, IConfiguration configuration, SecuritySettings security)
    {
        ArgumentNullException.ThrowIfNull(grpcHost);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(security);
        PublicSettings settings = configuration.GetSection("Public").Get<PublicSettings>() ?? new PublicSettings();
        settings.Urls ??= security.IsMutualTls ? PublicSettings.MutualTlsUrls : PublicSettings.DevelopmentUrls;

        if (settings.Problem() is string problem)
        {
            return (null, problem);
        }

        List<Uri> urls = [];
        foreach (string text in settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || !(url.Host == "localhost" || IPAddress.TryParse(url.Host.Trim('[', ']'), out _)) || url.AbsolutePath != "/")
            {
                return (null, $"Public:Urls '{text}' is not an http(s)://IP:PORT address.");
            }

            if (url.Scheme == Uri.UriSchemeHttps && !security.IsMutualTls)
            {
                return (null, $"Public:Urls '{text}': development mode has no server certificate; use http:// on loopback, or Security:Mode mtls.");
            }

            urls.Add(url);
        }

        if (urls.Count == 0)
        {
            return (null, "Public:Urls names no address.");
        }

        if (SecurityComposition.CheckAddresses(security, urls.Select(u => u.ToString())) is string refusal)
        {
            return (null, "the public listener: " + refusal);
        }

        X509Certificate2? certificate = security.IsMutualTls
            ? CertificateFiles.ReadCertificateWithKey(security.ServerCertificate!, security.ServerKey!)
            : null;
        WebApplication app = Build(grpcHost, configuration, settings, urls, certificate);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return (null, $"the public listener cannot bind {settings.Urls}: {e.Message}");
        }

        var listener = new PublicListener(app, [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses]);
        IHostApplicationLifetime grpcLifetime = grpcHost.Lifetime;

        // Stopped first, while the store is still open: a locator read in flight finishes recording.
        grpcLifetime.ApplicationStopping.Register(() => app.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult());
        grpcLifetime.ApplicationStopped.Register(() => app.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return (listener, null);
    }

    private static WebApplication Build(WebApplication grpcHost, IConfiguration configuration, PublicSettings settings, IReadOnlyList<Uri> urls, X509Certificate2? certificate)
    {
        // Nothing of the gRPC host's configuration (its Urls in appsettings.json, its --urls, its
        // Kestrel endpoints) may reach this host: it gets its addresses and logging explicitly.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddConsole();
        builder.Services.AddSingleton<IHostLifetime, FollowerLifetime>();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = settings.ConnectionsMax;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestBodySize = Timestamping.TimestampAuthority.RequestLengthMaxBytes;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 100;
            foreach (Uri url in urls)
            {
                IPAddress address = url.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host.Trim('[', ']'));
                kestrel.Listen(address, url.Port, endpoint =>
                {
                    // HTTP/2 is chosen by ALPN in the TLS handshake; on plaintext (development)
                    // Kestrel cannot offer both, and browsers speak HTTP/2 only over TLS anyway.
                    endpoint.Protocols = certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                    if (certificate is not null)
                    {
                        endpoint.UseHttps(new HttpsConnectionAdapterOptions
                        {
                            ServerCertificate = certificate,
                            SslProtocols = SslProtocols.Tls13,

                            // Server authentication only: public readers have no certificate, and
                            // asking for one would make browsers prompt for it.
                            ClientCertificateMode = ClientCertificateMode.NoCertificate,
                        });
                    }
                });
            }
        });

        // Per client address a token bucket, and across all clients a bound on requests in
        // flight: a flood from many addresses still leaves the process's threads to gRPC.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.RequestBurstPerClient,
                        TokensPerPeriod = settings.RequestsPerSecondPerClient,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })),
                PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter(
                    "all",
                    _ => new ConcurrencyLimiterOptions { PermitLimit = settings.ConcurrentRequestsMax, QueueLimit = 0 })));
            RequestMetrics requestMetrics = grpcHost.Services.GetRequiredService<RequestMetrics>();
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                requestMetrics.RateLimited();
                string retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? $"{Math.Max(1, Math.Ceiling(after.TotalSeconds))}" : "1";
                context.HttpContext.Response.Headers.RetryAfter = retry;
                await PublicRoutes.Refusal(context.HttpContext, StatusCodes.Status429TooManyRequests, $"too many requests from your address; retry in {retry} s")
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });

        WebApplication app = builder.Build();
        app.UseRateLimiter();

        // The page's static files before routing, whose fallback would otherwise claim every path.
        VerifyPage.Use(app);
        app.UseRouting();
        IServiceProvider shared = grpcHost.Services;

        // The scrape endpoint (docs/operations.md §Metrics) serves the gRPC host's meter provider:
        // counts, sizes and ages of the whole service, nothing about any depositor or request. There is
        // a meter provider only when Metrics:Enabled (Program.cs).
        MeterProvider? meters = shared.GetService<MeterProvider>();
        if (meters is not null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsSettings.ScrapePath, meters, configureBranchedPipeline: null, optionsName: null);
        }

        PublicRoutes.Map(app, shared.GetRequiredService<LogQueries>(), shared.GetRequiredService<ReceiptLocators>(), shared.GetRequiredService<AnchoringView>(), metricsServed: meters is not null);
        if (shared.GetService<BuiltInTsa>() is BuiltInTsa tsa)
        {
            TsaRoutes.Map(app, tsa, shared.GetRequiredService<TsaCertificateChain>());
        }

        return app;
    }

    /// <summary>This host neither listens for signals nor decides when to stop: the gRPC host does.</summary>
    private sealed class FollowerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
