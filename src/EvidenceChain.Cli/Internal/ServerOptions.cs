using System.CommandLine;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The options every online command shares: <c>--server URL</c> and, for a service in mutual TLS mode,
/// <c>--cert FILE --cert-key FILE --ca FILE</c> (else <c>$EVIDENCECHAIN_CERT</c>, <c>$EVIDENCECHAIN_KEY</c>,
/// <c>$EVIDENCECHAIN_CA</c>). With a plain <c>http://</c> server the certificate options are not used.
/// </summary>
internal sealed class ServerOptions
{
    public const string CertificateVariable = "EVIDENCECHAIN_CERT";
    public const string KeyVariable = "EVIDENCECHAIN_KEY";
    public const string CaVariable = "EVIDENCECHAIN_CA";
    public const string CertificateOption = "--cert";
    public const string KeyOption = "--cert-key";
    public const string CaOption = "--ca";

    private ServerOptions()
    {
    }

    public Option<string> Server { get; } = ServerAddress.CreateOption();

    public Option<string> Certificate { get; } = new(CertificateOption)
    {
        Description = $"With an https:// server: your party certificate (.crt.pem from `ca issue-party`; default: ${CertificateVariable}).",
        HelpName = "FILE",
    };

    /// <summary>Not <c>--key</c>: that is the trusted verifier key (<c>--key VKEY</c>) of the commands that verify.</summary>
    public Option<string> Key { get; } = new(KeyOption)
    {
        Description = $"With --cert: its private key (.key.pem, mode 0600; default: ${KeyVariable}).",
        HelpName = "FILE",
    };

    public Option<string> Ca { get; } = new(CaOption)
    {
        Description = $"With an https:// server: the deployment CA certificate; the server's certificate must be issued by it (default: ${CaVariable}).",
        HelpName = "FILE",
    };

    public IEnumerable<Option> All => [Server, Certificate, Key, Ca];

    public static ServerOptions Create() => new();

    /// <summary>New server options, added to <paramref name="command"/>.</summary>
    public static ServerOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ServerOptions server = new();
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        return server;
    }

    public ServerChoice Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new ServerChoice(parsed.GetValue(Server), parsed.GetValue(Certificate), parsed.GetValue(Key), parsed.GetValue(Ca));
    }
}
