using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The online commands against a real service in mutual TLS mode on loopback, with a CA and
/// certificates made by the <c>ca</c> commands: the office registers an enterprise and binds its key,
/// and the enterprise deposits and fetches its receipt; the failures say what is wrong in one line.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class MutualTlsCommandTests(MtlsDeployment deployment) : IClassFixture<MtlsDeployment>
{
    [Fact]
    public async Task Deposit_KeyBoundByTheOffice_DepositsAndFetchesTheReceipt()
    {
        MtlsParty enterprise = await deployment.RegisterAsync("enterprise", "Jinan Example Co.");
        string evidence = Path.Combine(enterprise.ConfigHome, "..", "evidence-" + enterprise.Id + ".txt");
        await File.WriteAllTextAsync(evidence, "a trade secret");
        CliResult myKey = await enterprise.RunAsync("party", "my-key");
        string publicKey = PublicKeyLine().Match(myKey.Output).Groups["key"].Value;

        CliResult unbound = await enterprise.RunAsync("deposit", evidence, "--kind", "trade-secret");
        CliResult bound = await RunAsOfficeWithOptionsAsync("party", "bind-key", "--party", enterprise.Id, "--public-key", publicKey);
        CliResult deposited = await enterprise.RunAsync("deposit", evidence, "--kind", "trade-secret");
        string depositId = DepositIdLine().Match(deposited.Output).Groups["id"].Value;
        string receiptPath = Path.Combine(enterprise.ConfigHome, "..", "fetched-" + enterprise.Id + ".receipt.json");
        CliResult receipt = await enterprise.RunAsync("receipt", depositId, "--out", receiptPath);

        Assert.True(myKey.ExitCode == 0, myKey.ToString());
        Assert.Equal(64, publicKey.Length);
        Assert.True(unbound.ExitCode == 2, unbound.ToString());
        Assert.Contains("PERMISSION_DENIED", unbound.Error, StringComparison.Ordinal);
        Assert.Contains("not bound to your party", unbound.Error, StringComparison.Ordinal);
        Assert.Single(unbound.Error.TrimEnd().Split('\n'));
        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("bound the depositor key", bound.Output, StringComparison.Ordinal);
        Assert.True(deposited.ExitCode == 0, deposited.ToString());
        Assert.True(receipt.ExitCode == 0, receipt.ToString());
        Assert.True(File.Exists(receiptPath));
    }

    [Fact]
    public async Task AnyCommand_CaOfAnotherDeployment_SaysTheServerCertificateIsNotFromIt()
    {
        string otherCa = deployment.OtherCaCertificate();

        CliResult result = await RunAsOfficeAsync("checkpoint", "--ca", otherCa);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not issued by the deployment CA in " + otherCa, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task AnyCommand_NoCertificate_PrintsTheServicesReason()
    {
        var environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = deployment.Office.ConfigHome,
            ["EVIDENCECHAIN_CA"] = deployment.CaCertificate,
        };

        CliResult result = await CliRunner.RunAsync(environment, "checkpoint", "--server", deployment.Address, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not accept who you are (UNAUTHENTICATED)", result.Error, StringComparison.Ordinal);
        Assert.Contains("no certificate", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpsServer_WithoutCa_OneLineError()
    {
        CliResult result = await CliRunner.RunAsync(CliRunner.IsolatedEnvironment, "checkpoint", "--server", deployment.Address, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give the deployment CA certificate with --ca", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Cert_WithoutItsKey_OneLineError()
    {
        CliResult result = await CliRunner.RunAsync(
            CliRunner.IsolatedEnvironment,
            "checkpoint", "--server", deployment.Address, "--ca", deployment.CaCertificate, "--cert", deployment.Office.CertificatePath, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("without its private key: give it with --cert-key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertKey_ReadableByOthers_Refused()
    {
        string key = Path.Combine(deployment.CaDirectory, "..", "open.key.pem");
        File.Copy(deployment.Office.KeyPath, key);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        CliResult result = await RunAsOfficeAsync("checkpoint", "--cert-key", key);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("chmod 600", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_OfficeOverMutualTls_Printed()
    {
        CliResult result = await RunAsOfficeAsync("checkpoint");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("latest checkpoint of " + deployment.Address, result.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsOfficeAsync(params string[] args) => deployment.Office.RunAsync(args);

    /// <summary>The office giving its files on the command line, not in the environment.</summary>
    private Task<CliResult> RunAsOfficeWithOptionsAsync(params string[] args) =>
        CliRunner.RunAsync(
            CliRunner.IsolatedEnvironment,
            [.. args, "--server", deployment.Address, "--cert", deployment.Office.CertificatePath, "--cert-key", deployment.Office.KeyPath, "--ca", deployment.CaCertificate, "--lang", "en"]);

    [GeneratedRegex(@"^public key: (?<key>[0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex PublicKeyLine();

    [GeneratedRegex(@"deposit id (?<id>[0-9a-f]{64})")]
    private static partial Regex DepositIdLine();
}
