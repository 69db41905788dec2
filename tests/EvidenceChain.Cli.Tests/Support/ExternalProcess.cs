using System.Diagnostics;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>Runs a real child process and collects its exit code and output.</summary>
internal static class ExternalProcess
{
    public static CliResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output, error.Result);
    }

    /// <summary>The built CLI beside the test assembly (the test project references the CLI project).</summary>
    public static string CliAssembly
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "evidencechain.dll");
            Assert.True(File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), "evidencechain.dll and its runtimeconfig must be copied beside the tests: " + path);
            return path;
        }
    }

    /// <summary>Runs <c>dotnet evidencechain.dll …</c> with no trust file reachable except what the test gives.</summary>
    public static CliResult RunCli(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var isolated = new Dictionary<string, string?>
        {
            ["XDG_CONFIG_HOME"] = CliRunner.IsolatedEnvironment["XDG_CONFIG_HOME"],
            ["EVIDENCECHAIN_TRUST"] = null,
        };
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            isolated[name] = value;
        }

        return Run("dotnet", [CliAssembly, .. arguments], isolated);
    }
}
