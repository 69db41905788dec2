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
    public void Run_Help_ExitsZeroAndPrintsUsage(string commandLine)
    {
        CliResult result = CliRunner.Run(commandLine.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}
