using System.Text;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// What the commands take from the process: where to write, the environment, and whether a person
/// is watching. Tests pass writers and an environment of their own, so no test depends on the
/// machine's trust file or terminal.
/// </summary>
internal sealed record CliContext(
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    bool IsInteractive)
{
    public static CliContext FromConsole()
    {
        // The default report is Chinese; Windows consoles otherwise use a legacy code page and print '?'.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return new CliContext(
            Console.Out,
            Console.Error,
            Environment.GetEnvironmentVariable,
            IsInteractive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
    }

    /// <summary>
    /// The per-user folder for the trust file and the depositor key: <c>$XDG_CONFIG_HOME/evidencechain</c>,
    /// or <c>~/.config/evidencechain</c>.
    /// </summary>
    public string ConfigDirectory()
    {
        string? configHome = GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            string? home = GetEnvironmentVariable("HOME");
            configHome = Path.Combine(string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".config");
        }

        return Path.Combine(configHome, "evidencechain");
    }
}
