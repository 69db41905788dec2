using System.Text.Json.Nodes;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain custody</c> against a real service in mutual TLS mode: a party saves its trail
/// (the office's changes to it), an auditor verifies the file offline, a changed file fails, and a
/// party cannot read another's trail.
/// </summary>
public sealed class CustodyCommandTests(MtlsDeployment deployment) : IClassFixture<MtlsDeployment>
{
    [Fact]
    public async Task Trail_SavedByTheParty_VerifiesOfflineAndFailsOnceChanged()
    {
        MtlsParty enterprise = await deployment.RegisterAsync("enterprise", "Custody Example Co.");
        string trailPath = Path.Combine(enterprise.ConfigHome, "..", "trail-" + enterprise.Id + ".json");

        // The registration is recorded before it is answered; it is provable once a checkpoint (every 100 ms) covers it.
        CliResult trail = await enterprise.RunAsync("custody", "trail", "--key", deployment.VerifierKeys);
        for (int attempt = 0; attempt < 50 && !trail.Output.Contains("party registered", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            trail = await enterprise.RunAsync("custody", "trail", "--key", deployment.VerifierKeys);
        }

        CliResult saved = await enterprise.RunAsync("custody", "trail", "--out", trailPath, "--key", deployment.VerifierKeys);
        CliResult verified = await enterprise.RunAsync("custody", "verify", trailPath, "--key", deployment.VerifierKeys);
        JsonNode file = JsonNode.Parse(File.ReadAllText(trailPath))!;
        file["subject"] = "party:" + new string('0', 32);
        string changedPath = trailPath + ".changed.json";
        File.WriteAllText(changedPath, file.ToJsonString());
        CliResult changed = await enterprise.RunAsync("custody", "verify", changedPath, "--key", deployment.VerifierKeys);

        Assert.True(trail.ExitCode == 0, trail.ToString());
        Assert.Contains($"party registered  by {deployment.OfficeId} (NotaryOffice)  concerning {enterprise.Id}", trail.Output, StringComparison.Ordinal);
        Assert.Contains("The custody trail verifies", trail.Output, StringComparison.Ordinal);
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Contains("Custody trail saved to " + trailPath, saved.Output, StringComparison.Ordinal);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("not that none is missing", verified.Output, StringComparison.Ordinal);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("does not concern the trail's party", changed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trail_OfAnotherParty_OfficeOnly()
    {
        MtlsParty lender = await deployment.RegisterAsync("lender", "Custody Example Bank");

        CliResult byOffice = await deployment.Office.RunAsync("custody", "trail", "--party", lender.Id);
        CliResult byLender = await lender.RunAsync("custody", "trail", "--party", deployment.OfficeId);

        Assert.True(byOffice.ExitCode == 0, byOffice.ToString());
        Assert.Contains("Not verified: no trusted keys", byOffice.Output, StringComparison.Ordinal);
        Assert.Equal(2, byLender.ExitCode);
        Assert.Contains("PERMISSION_DENIED", byLender.Error, StringComparison.Ordinal);
        Assert.Single(byLender.Error.TrimEnd().Split('\n'));
    }
}
