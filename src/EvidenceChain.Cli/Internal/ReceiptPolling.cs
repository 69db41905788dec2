using System.Diagnostics;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Asks for a receipt until the deposit is in a signed checkpoint or the wait is over. The service
/// signs a checkpoint every fraction of a second under load, so the first polls are quick; later ones
/// back off so a long wait costs the server little.
/// </summary>
internal static class ReceiptPolling
{
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_delayMax = TimeSpan.FromSeconds(2);

    /// <summary>The receipt once included, or null if <paramref name="wait"/> ran out first. Asks at least once.</summary>
    public static async Task<GetReceiptResponse?> WaitAsync(NotaryConnection connection, GetReceiptRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var elapsed = Stopwatch.StartNew();
        TimeSpan delay = s_firstDelay;
        while (true)
        {
            GetReceiptResponse response = await connection.GetReceiptAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Included)
            {
                return response;
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
