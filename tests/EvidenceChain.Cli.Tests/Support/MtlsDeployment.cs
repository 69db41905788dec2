using System.Text.RegularExpressions;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A deployment with certificates, made as the README says: <c>ca init</c>, <c>ca issue-server</c>,
/// the service started in mtls mode on loopback, and the office's certificate issued for the id in
/// <c>data/office-party.txt</c>. Shared by a test class; each test registers parties of its own.
/// </summary>
public sealed partial class MtlsDeployment : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _files = new();

    public MtlsDeployment()
    {
        CaDirectory = _files.File("ca");
        RunOrThrow("ca", "init", "--dir", CaDirectory, "--name", "Test Deployment CA");
        RunOrThrow("ca", "issue-server", "--dir", CaDirectory, "--out", _files.File("server"));
        Service = ServiceHostProcess.Start(
            _data.Path,
            "--urls", "https://127.0.0.1:0",
            "--Security:Mode=mtls",
            "--Security:CaCertificate=" + CaCertificate,
            "--Security:ServerCertificate=" + _files.File("server.crt.pem"),
            "--Security:ServerKey=" + _files.File("server.key.pem"),
            "--Sequencer:Interval=00:00:00.100");
        OfficeId = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();
        Office = IssueParty("Test Notary Office", OfficeId);
    }

    /// <summary>The service's https:// address.</summary>
    public string Address => Service.Address;

    public string CaDirectory { get; }

    public string CaCertificate => Path.Combine(CaDirectory, "ca.crt.pem");

    public string OfficeId { get; }

    /// <summary>The notary's published verifier keys (what a party or a court trusts).</summary>
    public string VerifierKeys => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>The office's certificate and key files.</summary>
    public MtlsParty Office { get; }

    internal ServiceHostProcess Service { get; }

    /// <summary>Issues a certificate for <paramref name="partyId"/> with <c>ca issue-party</c>.</summary>
    public MtlsParty IssueParty(string name, string partyId)
    {
        string prefix = _files.File("party-" + partyId);
        RunOrThrow("ca", "issue-party", "--dir", CaDirectory, "--name", name, "--party-id", partyId, "--out", prefix);
        return new MtlsParty(partyId, prefix + ".crt.pem", prefix + ".key.pem", CaCertificate, Address, _files.File("home-" + partyId));
    }

    /// <summary>The office registers a party with <c>party register</c>; then its certificate is issued.</summary>
    public async Task<MtlsParty> RegisterAsync(string role, string name)
    {
        CliResult registered = await Office.RunAsync("party", "register", "--role", role, "--name", name);
        Match id = PartyIdLine().Match(registered.Output);
        if (registered.ExitCode != 0 || !id.Success)
        {
            throw new InvalidOperationException("party register failed: " + registered);
        }

        return IssueParty(name, id.Groups["id"].Value);
    }

    /// <summary>Another CA's folder (made on first use): its certificate must not be accepted for this service.</summary>
    public string OtherCaCertificate()
    {
        string directory = _files.File("other-ca");
        if (!Directory.Exists(directory))
        {
            RunOrThrow("ca", "init", "--dir", directory, "--name", "Test Deployment CA");
        }

        return Path.Combine(directory, "ca.crt.pem");
    }

    public void Dispose()
    {
        Service.Dispose();
        _data.Dispose();
        _files.Dispose();
        Service.ThrowIfErrorsLogged();
    }

    [GeneratedRegex(@"^party id: (?<id>[0-9a-f]{32})$", RegexOptions.Multiline)]
    private static partial Regex PartyIdLine();

    private static void RunOrThrow(params string[] args)
    {
        CliResult result = CliRunner.Run(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"evidencechain {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        }
    }
}
