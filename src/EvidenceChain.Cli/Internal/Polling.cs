using System.Diagnostics;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Asks again and again until the server's answer is what a command waits for, or the wait is over.
/// The delay between asks doubles from a first to a longest one, so a long wait costs the server little.
/// </summary>
internal sealed record Polling(TimeSpan FirstDelay, TimeSpan DelayMax)
{
    /// <summary>Receipts: the service signs a checkpoint every fraction of a second under load, so the first asks are quick.</summary>
    public static readonly Polling ForCheckpoint = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>Anchors: anchoring rounds and blocks are seconds apart and finality takes minutes.</summary>
    public static readonly Polling ForAnchor = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    /// <summary>What <paramref name="attempt"/> returned once it returned something, or null if <paramref name="wait"/> ran out first. Asks at least once.</summary>
    public async Task<T?> WaitAsync<T>(Func<CancellationToken, Task<T?>> attempt, TimeSpan wait, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var elapsed = Stopwatch.StartNew();
        TimeSpan delay = FirstDelay;
        while (true)
        {
            if (await attempt(cancellationToken).ConfigureAwait(false) is T done)
            {
                return done;
            }

            TimeSpan remaining = wait - elapsed.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < DelayMax ? delay * 2 : DelayMax;
        }
    }
}
