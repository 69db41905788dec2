namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// Output for a <c>monitor --watch</c> run in-process: collects what is printed (from whichever
/// thread the command continues on) and calls <paramref name="reached"/> once a line holding
/// <paramref name="marker"/> has been printed <paramref name="count"/> times, so the test can
/// interrupt the watch after a known number of rounds instead of after a guessed time.
/// </summary>
internal sealed class MonitorOutputWriter(string marker, int count, Action reached) : StringWriter
{
    private readonly Lock _lock = new();
    private int _seen;

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        bool isReached;
        lock (_lock)
        {
            base.WriteLine(value);
            isReached = value is not null && value.Contains(marker, StringComparison.Ordinal) && ++_seen == count;
        }

        if (isReached)
        {
            reached();
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return base.ToString();
        }
    }
}
