using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>
/// The real <c>evidencechain</c> command as a child process, as a depositor runs it: its own config
/// home (so its depositor key is made fresh) and the service's gRPC address in the environment.
/// </summary>
internal sealed partial class DepositorCli(string serverAddress, string configHome)
{
    /// <summary>Deposits <paramref name="evidencePath"/> and waits for its receipt; the salt, promise and receipt files land beside it.</summary>
    public DepositedEvidence Deposit(string evidencePath)
    {
        Run("deposit", evidencePath, "--kind", "document", "--lang", "en");
        var deposited = new DepositedEvidence(evidencePath, evidencePath + ".salt.json", evidencePath + ".receipt.json", evidencePath + ".promise.json");
        Assert.True(File.Exists(deposited.ReceiptPath), "the deposit left no receipt: " + deposited.ReceiptPath);
        return deposited;
    }

    /// <summary>Waits until an anchor covering the deposit is final, then rewrites its receipt with the newest anchors and timestamps.</summary>
    public void UpgradeReceiptUntilFinal(DepositedEvidence deposit) =>
        Run("receipt", deposit.ReceiptPath, "--until", "final", "--timeout", "120", "--lang", "en");

    /// <summary>Publishes the deposit's receipt under a new locator; returns the locator (32 hex digits).</summary>
    public string MintLocator(string depositId)
    {
        string output = Run("locator", "mint", depositId, "--lang", "en");
        Match line = LocatorLine().Match(output);
        return line.Success ? line.Groups["locator"].Value : throw new InvalidOperationException("locator mint printed no locator:\n" + output);
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliDll());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["XDG_CONFIG_HOME"] = configHome;
        start.Environment["EVIDENCECHAIN_SERVER"] = serverAddress;
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"evidencechain {string.Join(' ', arguments)} did not finish within 5 minutes:\n{output}{error.Result}");
        }

        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"evidencechain {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}{error.Result}");
    }

    /// <summary>The CLI's own build output (the test project references it, so it is built).</summary>
    private static string CliDll()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string path = Path.Combine(ServiceHostProcess.RepoRoot(), "src", "EvidenceChain.Cli", "bin", configuration, "net10.0", "evidencechain.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the CLI is not at " + path);
    }

    [GeneratedRegex(@"^locator: (?<locator>[0-9a-f]{32})$", RegexOptions.Multiline)]
    private static partial Regex LocatorLine();
}

/// <summary>The evidence file and the three files its deposit left beside it.</summary>
internal sealed record DepositedEvidence(string EvidencePath, string SaltPath, string ReceiptPath, string PromisePath)
{
    /// <summary>The deposit id the notary's promise records.</summary>
    public string DepositId()
    {
        using var promise = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PromisePath));
        return promise.RootElement.GetProperty("deposit_id").GetString()!;
    }
}
