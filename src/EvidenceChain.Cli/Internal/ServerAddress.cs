using System.CommandLine;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Where the notary service is: <c>--server</c>, else <c>$EVIDENCECHAIN_SERVER</c>, else the local
/// default. Plain <c>http://</c> is gRPC over HTTP/2 without TLS, as the service listens by default;
/// <c>https://</c> negotiates HTTP/2 by ALPN.
/// </summary>
internal static class ServerAddress
{
    public const string Variable = "EVIDENCECHAIN_SERVER";
    public const string Default = "http://127.0.0.1:5080";

    public static Option<string> CreateOption() => new("--server")
    {
        Description = $"The notary service's address (default: ${Variable}, else {Default}).",
        HelpName = "URL",
    };

    /// <summary>The address to use; refuses anything but an absolute http(s) URL naming only a host and port.</summary>
    public static Uri Resolve(string? option, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string value = option ?? NonEmpty(context.GetEnvironmentVariable(Variable)) ?? Default;
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new OnlineInputException(OnlineProblem.ServerAddressInvalid, value);
        }

        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
