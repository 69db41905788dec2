using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>The command line itself: usage errors are unusable input (exit 2, one line), help is not an error.</summary>
public sealed class CliAppTests
{
    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("verify")]
    [InlineData("hash x --lang fr")]
    [InlineData("verify r.json --file f --salt s --bogus")]
    [InlineData("deposit evidence.txt")]
    [InlineData("deposit evidence.txt --kind recipe")]
    [InlineData("deposit evidence.txt --kind data --wait -1")]
    [InlineData("receipt")]
    [InlineData("consistency 0 5")]
    [InlineData("consistency 1 5 --new-checkpoint new.checkpoint")]
    [InlineData("checkpoint extra")]
    public void Run_UsageError_ExitsTwoWithOneLine(string commandLine)
    {
        CliResult result = CliRunner.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.EndsWith("（用法见 --help）\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UsageErrorWithLangEn_IsInEnglish()
    {
        CliResult result = CliRunner.Run("verify", "--lang", "en");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(" (see --help)\n", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("verify --help")]
    [InlineData("hash --help")]
    [InlineData("deposit --help")]
    [InlineData("receipt --help")]
    [InlineData("checkpoint --help")]
    [InlineData("consistency --help")]
    public void Run_Help_ExitsZeroAndPrintsUsage(string commandLine)
    {
        CliResult result = CliRunner.Run(commandLine.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deposit", "3 accepted but not yet in a checkpoint")]
    [InlineData("receipt", "3 accepted but not yet in a checkpoint")]
    [InlineData("checkpoint", "1 it does not verify with the trusted keys")]
    [InlineData("consistency", "1 inconsistent")]
    public void Run_OnlineCommandHelp_DocumentsTheExitCodes(string command, string exitCode)
    {
        CliResult result = CliRunner.Run(command, "--help");

        string help = string.Join(' ', result.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Exit codes: 0 ", help, StringComparison.Ordinal);
        Assert.Contains("2 unusable input, or the server refused or could not be reached", help, StringComparison.Ordinal);
        Assert.Contains(exitCode, help, StringComparison.Ordinal);
        Assert.Contains("--server <URL>", help, StringComparison.Ordinal);
    }
}
