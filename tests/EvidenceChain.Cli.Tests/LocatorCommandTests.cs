using System.Net;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain locator</c> against a real service: a depositor publishes its receipt under a
/// locator, the public listener serves it over real HTTP, and once revoked it opens nothing.
/// </summary>
public sealed partial class LocatorCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task MintListRevoke_ReceiptServedUntilRevoked()
    {
        using var workspace = new OnlineWorkspace(service.Address);
        string evidence = workspace.Write("contract.txt", "a contract to share with the court\n");
        CliResult deposited = await workspace.RunAsync("deposit", evidence, "--kind", "document", "--lang", "en");
        DepositFiles files = DepositFiles.For(workspace.File(string.Empty), "contract.txt");
        (string depositId, _) = SavedReceipt.ReadPromise(files.PromisePath);

        CliResult minted = await workspace.RunAsync("locator", "mint", depositId, "--lang", "en");
        Match line = MintedLine().Match(minted.Output);
        using var http = new HttpClient { BaseAddress = new Uri(service.Service.PublicAddress) };
        HttpResponseMessage open = await http.GetAsync(new Uri(line.Groups["path"].Value, UriKind.Relative));
        string served = workspace.Write("served.receipt.json", await open.Content.ReadAsStringAsync());
        CliResult verified = await workspace.RunAsync("verify", served, "--file", evidence, "--salt", files.SaltPath, "--key", service.VerifierKeysPath, "--lang", "en");
        CliResult listed = await workspace.RunAsync("locator", "list", "--lang", "en");
        CliResult revoked = await workspace.RunAsync("locator", "revoke", line.Groups["locator"].Value, "--lang", "en");
        HttpResponseMessage closed = await http.GetAsync(new Uri(line.Groups["path"].Value, UriKind.Relative));
        CliResult malformed = await workspace.RunAsync("locator", "revoke", "not-a-locator", "--lang", "en");

        Assert.True(deposited.ExitCode == 0, deposited.ToString());
        Assert.True(minted.ExitCode == 0 && line.Success, minted.ToString());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains($"deposit {depositId}  minted ", listed.Output, StringComparison.Ordinal);
        Assert.EndsWith("  open\n", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(line.Groups["locator"].Value, listed.Output, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("no longer opens the receipt", revoked.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("is neither a locator", malformed.Error, StringComparison.Ordinal);
        Assert.Single(malformed.Error.TrimEnd().Split('\n'));
    }

    [GeneratedRegex(@"^locator: (?<locator>[0-9a-f]{32})\nreceipt at: (?<path>/v1/receipts/[0-9a-f]{32}) ", RegexOptions.Multiline)]
    private static partial Regex MintedLine();
}
