namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A party's machine in a mutual TLS deployment: its certificate, key and the CA certificate, given
/// to the CLI by the environment variables (so no command repeats them), and a config home of its own
/// for its depositor key.
/// </summary>
public sealed record MtlsParty(string Id, string CertificatePath, string KeyPath, string CaPath, string ServerAddress, string ConfigHome)
{
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["XDG_CONFIG_HOME"] = ConfigHome,
        ["EVIDENCECHAIN_SERVER"] = ServerAddress,
        ["EVIDENCECHAIN_CERT"] = CertificatePath,
        ["EVIDENCECHAIN_KEY"] = KeyPath,
        ["EVIDENCECHAIN_CA"] = CaPath,
    };

    /// <summary>Runs the CLI in-process as this party, in English.</summary>
    internal Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, [.. args, "--lang", "en"]);
}
