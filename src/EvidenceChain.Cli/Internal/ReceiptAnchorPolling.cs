using System.Diagnostics;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Asks again and again until an anchor is where <c>receipt --until</c> wants it, or the wait is over.
/// Anchoring rounds and block times are seconds apart and finality takes minutes, so the first ask
/// comes after a second and later ones back off to a few seconds: a long wait costs the server little.
/// </summary>
internal static class ReceiptAnchorPolling
{
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_delayMax = TimeSpan.FromSeconds(5);

    /// <summary>What <paramref name="attempt"/> returned once it returned something, or null if <paramref name="wait"/> ran out first. Asks at least once.</summary>
    public static async Task<T?> WaitAsync<T>(Func<CancellationToken, Task<T?>> attempt, TimeSpan wait, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var elapsed = Stopwatch.StartNew();
        TimeSpan delay = s_firstDelay;
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
            delay = delay * 2 < s_delayMax ? delay * 2 : s_delayMax;
        }
    }
}
