using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in-process through its entry point, with string writers and an environment of the
/// test's own, so no test sees the machine's trust file, depositor key, server setting or terminal.
/// </summary>
internal static class CliRunner
{
    /// <summary>An environment whose default trust file does not exist.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment { get; } = new Dictionary<string, string>
    {
        ["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "evidencechain-cli-tests-no-config-" + Guid.NewGuid().ToString("N")),
    };

    /// <summary>For the offline commands, which finish without awaiting anything.</summary>
    public static CliResult Run(params string[] args) => Run(IsolatedEnvironment, args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, args).GetAwaiter().GetResult();

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => environment.GetValueOrDefault(name), IsInteractive: false);
        int exitCode = await CliApp.RunAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
