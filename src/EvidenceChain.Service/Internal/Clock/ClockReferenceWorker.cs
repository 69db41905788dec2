using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// Compares our clock with every configured reference at start and then every interval, and keeps the
/// round's best reading (smallest <see cref="ClockReading.SkewBound"/>) in <see cref="ClockReferences"/>.
/// A round in which no reference answers keeps the last reading, which <see cref="ClockGuard"/> lets age
/// out. A reference's failure is logged when it starts or its reason changes, not at every poll.
/// </summary>
internal sealed partial class ClockReferenceWorker : BackgroundService
{
    private readonly IReadOnlyList<NtpReference> _references;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly SntpClient _client;
    private readonly ClockReferences _clock;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Takes settings with no <see cref="ClockReferenceSettings.Problem"/>, and throws on others.</summary>
    public ClockReferenceWorker(ClockReferenceSettings settings, SntpClient client, ClockReferences clock, TimeProvider time, ILogger<ClockReferenceWorker> logger)
    {
        _references = settings.ParsedReferences();
        _interval = settings.Interval;
        _timeout = settings.Timeout;
        _client = client;
        _clock = clock;
        _time = time;
        _logger = logger;
    }

    /// <summary>One round: asks every reference at once and records the best answer, if any.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        ClockReading?[] readings = await Task.WhenAll(_references.Select(reference => AskAsync(reference, cancellationToken))).ConfigureAwait(false);
        ClockReading? best = readings.OfType<ClockReading>().MinBy(reading => reading.SkewBound);
        if (best is not null)
        {
            _clock.Record(best);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<ClockReading?> AskAsync(NtpReference reference, CancellationToken cancellationToken)
    {
        try
        {
            ClockReading reading = await _client.ReadAsync(reference, _timeout, cancellationToken).ConfigureAwait(false);
            if (_clock.RecordAnswer(reference.Source))
            {
                LogAnswersAgain(_logger, reference.Source);
            }

            return reading;
        }
        catch (SntpException e)
        {
            if (_clock.RecordFailure(reference.Source, e.Message))
            {
                LogFailure(_logger, reference.Source, e.Reason);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clock reference {Reference} gives no reading: {Reason}. Logged again only if the reason changes.")]
    private static partial void LogFailure(ILogger logger, string reference, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clock reference {Reference} answers again.")]
    private static partial void LogAnswersAgain(ILogger logger, string reference);
}
