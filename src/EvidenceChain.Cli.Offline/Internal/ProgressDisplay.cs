using Spectre.Console;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// A progress bar on standard error while large content is hashed, only when a person is watching:
/// output that goes to a file or pipe must stay byte-for-byte the same as without a terminal.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Below this, hashing takes well under a second and a bar would only flicker.</summary>
    public const long ThresholdBytes = 64L << 20;

    public static T Run<T>(CliContext context, string description, long totalBytes, Func<Action<long>, T> work)
    {
        if (!context.IsInteractive || totalBytes < ThresholdBytes)
        {
            return work(static _ => { });
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask(Markup.Escape(description), maxValue: totalBytes);
                return work(bytes => task.Increment(bytes));
            });
    }
}
