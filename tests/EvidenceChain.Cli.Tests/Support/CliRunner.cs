namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// Runs the CLI in-process with string writers and an environment of the test's own, so no test
/// sees the machine's trust file or terminal.
/// </summary>
internal static class CliRunner
{
    /// <summary>An environment whose default trust file does not exist.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment { get; } = new Dictionary<string, string>
    {
        ["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "evidencechain-cli-tests-no-config-" + Guid.NewGuid().ToString("N")),
    };

    public static CliResult Run(params string[] args) => Run(IsolatedEnvironment, args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => environment.GetValueOrDefault(name), IsInteractive: false);
        int exitCode = CliApp.Run(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
