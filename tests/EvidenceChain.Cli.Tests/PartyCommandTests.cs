using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain party</c> against a real service in mutual TLS mode: the office manages the
/// registry; anyone else is told, in one line with the service's reason, that they may not.
/// </summary>
public sealed class PartyCommandTests(MtlsDeployment deployment) : IClassFixture<MtlsDeployment>
{
    [Fact]
    public async Task WhoAmI_Office_PrintsTheOfficeParty()
    {
        CliResult result = await deployment.Office.RunAsync("party", "whoami");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("party id: " + deployment.OfficeId, result.Output, StringComparison.Ordinal);
        Assert.Contains("role: notary office", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ByAnEnterprise_PermissionDeniedLine()
    {
        MtlsParty enterprise = await deployment.RegisterAsync("enterprise", "Qingdao Example Co.");

        CliResult result = await enterprise.RunAsync("party", "register", "--role", "enterprise", "--name", "Not allowed Co.");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the server at " + deployment.Address + " does not allow this (PERMISSION_DENIED): ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Manage_RegisterBindRevokeDeactivate_ListShowsEachChange()
    {
        MtlsParty lender = await deployment.RegisterAsync("lender", "Example Bank");
        CliResult myKey = await lender.RunAsync("party", "my-key");
        string keyFile = Path.Combine(lender.ConfigHome, "evidencechain", "depositor.key");

        CliResult bound = await deployment.Office.RunAsync("party", "bind-key", "--party", lender.Id, "--key-file", keyFile);
        string fingerprint = System.Text.RegularExpressions.Regex.Match(myKey.Output, "fingerprint: ([0-9a-f]{64})").Groups[1].Value;
        CliResult revokedKey = await deployment.Office.RunAsync("party", "revoke-key", "--party", lender.Id, "--fingerprint", fingerprint);
        CliResult revokedCertificate = await deployment.Office.RunAsync("party", "revoke-cert", "--party", lender.Id, "--fingerprint", new string('a', 64));
        CliResult deactivated = await deployment.Office.RunAsync("party", "deactivate", "--party", lender.Id);
        CliResult list = await deployment.Office.RunAsync("party", "list");

        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("fingerprint " + fingerprint, bound.Output, StringComparison.Ordinal);
        Assert.True(revokedKey.ExitCode == 0, revokedKey.ToString());
        Assert.Contains(", revoked ", revokedKey.Output, StringComparison.Ordinal);
        Assert.True(revokedCertificate.ExitCode == 0, revokedCertificate.ToString());
        Assert.Contains("  " + new string('a', 64), revokedCertificate.Output, StringComparison.Ordinal);
        Assert.True(deactivated.ExitCode == 0, deactivated.ToString());
        Assert.Contains("status: deactivated", deactivated.Output, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(deployment.OfficeId + "  notary office  ", list.Output, StringComparison.Ordinal);
        Assert.Contains(lender.Id + "  lender  Example Bank  deactivated", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindKey_MalformedInput_RefusedBeforeAnythingIsSent()
    {
        CliResult badId = await deployment.Office.RunAsync("party", "bind-key", "--party", "nope", "--public-key", new string('0', 64));
        CliResult badKey = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--public-key", "abc");
        CliResult both = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId);

        Assert.Equal((2, 2, 2), (badId.ExitCode, badKey.ExitCode, both.ExitCode));
        Assert.Contains("is not a party id", badId.Error, StringComparison.Ordinal);
        Assert.Contains("is not a depositor public key", badKey.Error, StringComparison.Ordinal);
        Assert.Contains("exactly one of --key-file and --public-key", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyKey_Chinese_PrintsTheSameKeyEachTime()
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path };

        CliResult first = await CliRunner.RunAsync(environment, "party", "my-key");
        CliResult second = await CliRunner.RunAsync(environment, "party", "my-key");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("已生成存证人私钥", first.Output, StringComparison.Ordinal);
        Assert.Contains("公钥：", second.Output, StringComparison.Ordinal);
        Assert.Equal(first.Output.Split('\n')[^4..], second.Output.Split('\n')[^4..]);
    }

    [Fact]
    public void PartyText_EveryRole_NamedInBothLanguages()
    {
        foreach (Protocol.V1.PartyRole role in Enum.GetValues<Protocol.V1.PartyRole>().Where(r => r != Protocol.V1.PartyRole.Unspecified))
        {
            Assert.NotEqual(PartyText.Chinese.RoleName(role), PartyText.English.RoleName(role));
            Assert.NotEqual(role.ToString(), PartyText.English.RoleName(role));
        }

        Assert.Same(PartyText.English, PartyText.For(ReportText.EnglishCode));
    }
}
