extern alias ServiceAssembly;

using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Testing;
using EvidenceChain.Timestamping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ServiceAssembly::EvidenceChain.Service.Internal.Clock;

namespace EvidenceChain.Service.Tests;

/// <summary>One polling round at a time (<see cref="ClockReferenceWorker.PollAsync"/>) against fake NTP servers on loopback.</summary>
public sealed class ClockReferenceWorkerTests : IDisposable
{
    private readonly FakeNtpServer _precise = new();
    private readonly FakeNtpServer _vague = new() { Skew = TimeSpan.FromSeconds(2), RootDispersion = TimeSpan.FromSeconds(0.5) };
    private readonly ClockReferences _clock = new();
    private readonly RecordingLogger<ClockReferenceWorker> _logger = new();

    [Fact]
    public async Task PollAsync_TwoServers_KeepsTheReadingWithTheSmallerSkewBound()
    {
        // The better server is listed second, so the order of the list cannot be what picks it.
        ClockReferenceWorker worker = Worker(TimeProvider.System, TimeSpan.FromSeconds(30), _vague, _precise);

        await worker.PollAsync(CancellationToken.None);

        ClockReading latest = Assert.IsType<ClockReading>(_clock.Latest);
        Assert.Equal(_precise.Reference.Source, latest.Source);
        Assert.Empty(_clock.Failures);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task PollAsync_SilentServer_RecordsWhyAndWarnsOncePerChange()
    {
        FakeTimeProvider time = new(DateTimeOffset.UtcNow);
        _precise.IsSilent = true;
        ClockReferenceWorker worker = Worker(time, TimeSpan.FromSeconds(2), _precise);
        string source = _precise.Reference.Source;

        await SilentRoundAsync(worker, time);
        await SilentRoundAsync(worker, time);

        Assert.Null(_clock.Latest);
        Assert.Equal($"{source}: no answer within 2 s.", _clock.Failures[source]);
        (LogLevel level, string message) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains(source, message);
        Assert.Contains("no answer within 2 s", message);

        _precise.IsSilent = false;
        await worker.PollAsync(CancellationToken.None);

        Assert.Equal(source, _clock.Latest?.Source);
        Assert.Empty(_clock.Failures);
        Assert.Equal((LogLevel.Information, $"Clock reference {source} answers again."), _logger.Entries[^1]);
    }

    public void Dispose()
    {
        _precise.Dispose();
        _vague.Dispose();
    }

    // The timeout runs on the fake clock: once the request is in, moving the clock on ends the round.
    private async Task SilentRoundAsync(ClockReferenceWorker worker, FakeTimeProvider time)
    {
        Task round = worker.PollAsync(CancellationToken.None);
        await _precise.NextRequestAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await round;
    }

    private ClockReferenceWorker Worker(TimeProvider time, TimeSpan timeout, params FakeNtpServer[] servers)
    {
        ClockReferenceSettings settings = new()
        {
            References = [.. servers.Select(server => $"ntp://127.0.0.1:{server.Port}")],
            Timeout = timeout,
        };
        return new ClockReferenceWorker(settings, new SntpClient(time), _clock, time, _logger);
    }
}
