using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Tests;

/// <summary>The progress bar never reaches output that is not a terminal.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public void Run_NotInteractive_WritesNothingWhateverTheSize()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, _ => null, IsInteractive: false);
        long advanced = 0;

        int result = ProgressDisplay.Run(context, "hashing", long.MaxValue, advance =>
        {
            advance(ProgressDisplay.ThresholdBytes);
            advanced += ProgressDisplay.ThresholdBytes;
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal(ProgressDisplay.ThresholdBytes, advanced);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Equal(string.Empty, error.ToString());
    }
}
