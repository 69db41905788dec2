namespace EvidenceChain.Service.Internal;

/// <summary>
/// The public web listener (section "Public"; docs/service.md#public-listener): where it listens and
/// how much one client may ask of it. It serves anonymous readers, so every bound here protects the
/// gRPC side that shares the process.
/// </summary>
internal sealed class PublicSettings
{
    /// <summary>The default address in development mode: loopback plaintext, beside the gRPC port 5080.</summary>
    public const string DevelopmentUrls = "http://127.0.0.1:5081";

    /// <summary>
    /// The default address in mtls mode, which serves https only: loopback, beside the gRPC port
    /// 5443 of the README's deployment (and clear of a development service's 5081). A deployment
    /// sets its public address.
    /// </summary>
    public const string MutualTlsUrls = "https://127.0.0.1:5444";

    /// <summary>One or more <c>http(s)://IP:PORT</c> addresses, separated by semicolons (port 0: any free port); null for the mode's default.</summary>
    public string? Urls { get; set; }

    /// <summary>Each client address's sustained requests per second (then 429 with Retry-After).</summary>
    public int RequestsPerSecondPerClient { get; set; } = 20;

    /// <summary>How many requests a client address may make at once above its rate, after a quiet spell.</summary>
    public int RequestBurstPerClient { get; set; } = 40;

    /// <summary>Requests served at once across all clients; more wait in no queue but get 429.</summary>
    public int ConcurrentRequestsMax { get; set; } = 64;

    /// <summary>Open connections across all clients.</summary>
    public int ConnectionsMax { get; set; } = 1000;

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (RequestsPerSecondPerClient < 1 || RequestBurstPerClient < RequestsPerSecondPerClient)
        {
            return "Public:RequestsPerSecondPerClient must be at least 1 and Public:RequestBurstPerClient at least that.";
        }

        if (ConcurrentRequestsMax < 1 || ConnectionsMax < 1)
        {
            return "Public:ConcurrentRequestsMax and Public:ConnectionsMax must be at least 1.";
        }

        return null;
    }
}
