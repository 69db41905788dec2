extern alias ServiceAssembly;

using System.Net;
using System.Net.Sockets;
using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Timestamping;
using Microsoft.Extensions.Time.Testing;
using ServiceAssembly::EvidenceChain.Service.Internal.Clock;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The SNTP client against <see cref="FakeNtpServer"/> on loopback: readings from honest and skewed
/// servers, each refusal with its reason, and the decoding of NTP timestamps across the 2036 era change.
/// </summary>
public sealed class SntpClientTests : IDisposable
{
    // Loopback answers at once; this only stops a broken test from hanging and is never measured.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    // Slack beyond half the round trip: each timestamp is truncated to a 100 ns tick (three truncations
    // reach the offset) and the host's clock may be slewed by NTP during the exchange (500 ppm at most).
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    private readonly FakeNtpServer _server = new();
    private readonly SntpClient _client = new(TimeProvider.System);

    [Fact]
    public async Task ReadAsync_HonestServer_OffsetWithinHalfTheRoundTrip()
    {
        ClockReading reading = await _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None);

        Assert.Equal($"ntp://127.0.0.1:{_server.Port}", reading.Source);
        Assert.Equal(TimeSpan.Zero, reading.ReferenceAccuracy);
        AssertOffsetNear(TimeSpan.Zero, reading);
    }

    [Fact]
    public async Task ReadAsync_ServerSkewed30Seconds_OffsetIs30SecondsAndTheGuardRefusesIt()
    {
        using FakeNtpServer skewed = new() { Skew = TimeSpan.FromSeconds(30) };
        ClockGuard guard = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        ClockReading honestReading = await _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None);
        ClockReading skewedReading = await _client.ReadAsync(skewed.Reference, AnswerTimeout, CancellationToken.None);

        AssertOffsetNear(TimeSpan.FromSeconds(30), skewedReading);
        Assert.Equal(ClockProblem.SkewTooLarge, guard.Check(skewedReading.ReceivedAt, skewedReading).Problem);

        // Accepted while the loopback round trip stays under a second, which it does by orders of magnitude.
        Assert.Equal(ClockProblem.None, guard.Check(honestReading.ReceivedAt, honestReading).Problem);
    }

    [Fact]
    public async Task ReadAsync_RootDelayAndDispersion_AccuracyIsDispersionPlusHalfTheDelay()
    {
        // Powers of two, exact in NTP's 16.16 short format and in ticks.
        _server.RootDelay = TimeSpan.FromSeconds(1.0 / 64);
        _server.RootDispersion = TimeSpan.FromSeconds(1.0 / 128);

        ClockReading reading = await _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1.0 / 64), reading.ReferenceAccuracy);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ReadAsync_Version3Or4_Accepted(int version)
    {
        _server.Version = version;

        ClockReading reading = await _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None);

        AssertOffsetNear(TimeSpan.Zero, reading);
    }

    [Fact]
    public async Task ReadAsync_KissOfDeath_FailsWithItsCode()
    {
        _server.KissCode = "RATE";

        SntpException failure = await ReadFailureAsync();

        Assert.Equal(SntpFailure.KissOfDeath, failure.Failure);
        Assert.Equal("RATE", failure.KissCode);
        Assert.Equal($"ntp://127.0.0.1:{_server.Port}: sent a kiss-o'-death with code RATE (RFC 5905 §7.4).", failure.Message);
    }

    [Theory]
    [InlineData(3, 2, "leap indicator 3")]
    [InlineData(0, 16, "stratum 16")]
    public async Task ReadAsync_Unsynchronised_Fails(int leapIndicator, byte stratum, string said)
    {
        _server.LeapIndicator = leapIndicator;
        _server.Stratum = stratum;

        SntpException failure = await ReadFailureAsync();

        Assert.Equal(SntpFailure.Unsynchronised, failure.Failure);
        Assert.Contains(said, failure.Reason);
    }

    [Fact]
    public async Task ReadAsync_WrongOriginate_Fails()
    {
        _server.EchoesWrongOriginate = true;

        SntpException failure = await ReadFailureAsync();

        Assert.Equal(SntpFailure.WrongOriginate, failure.Failure);
    }

    [Theory]
    [InlineData(47, 4, 4, "sent 47 bytes")]
    [InlineData(48, 3, 4, "mode 3")]
    [InlineData(48, 4, 2, "version 2")]
    public async Task ReadAsync_MalformedAnswer_Fails(int answerLengthBytes, int mode, int version, string said)
    {
        _server.AnswerLengthBytes = answerLengthBytes;
        _server.Mode = mode;
        _server.Version = version;

        SntpException failure = await ReadFailureAsync();

        Assert.Equal(SntpFailure.Malformed, failure.Failure);
        Assert.Contains(said, failure.Reason);
    }

    [Fact]
    public async Task ReadAsync_SilentServer_TimesOutOnOurClock()
    {
        // The timeout runs on the client's TimeProvider, so the test moves it on instead of waiting.
        FakeTimeProvider time = new(DateTimeOffset.UtcNow);
        SntpClient client = new(time);
        _server.IsSilent = true;

        Task<ClockReading> reading = client.ReadAsync(_server.Reference, TimeSpan.FromSeconds(2), CancellationToken.None);
        await _server.NextRequestAsync();
        time.Advance(TimeSpan.FromSeconds(2));

        SntpException failure = await Assert.ThrowsAsync<SntpException>(() => reading);
        Assert.Equal(SntpFailure.Timeout, failure.Failure);
        Assert.Equal("no answer within 2 s", failure.Reason);
    }

    [Fact]
    public async Task ReadAsync_OurClockSetBackDuringTheExchange_FailsInsteadOfMeasuring()
    {
        SntpClient client = new(new SetBackClock());

        SntpException failure = await Assert.ThrowsAsync<SntpException>(
            () => client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None));

        Assert.Equal(SntpFailure.ClockWentBack, failure.Failure);
    }

    [Fact]
    public async Task ReadAsync_ClosedPort_Refused()
    {
        int closedPort;
        using (Socket probe = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closedPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        SntpException failure = await Assert.ThrowsAsync<SntpException>(
            () => _client.ReadAsync(new NtpReference("127.0.0.1", closedPort), AnswerTimeout, CancellationToken.None));

        Assert.Equal(SntpFailure.Refused, failure.Failure);
    }

    [Fact]
    public async Task ReadAsync_ForgedAnswerFromAnotherPortFirst_TakesTheServersAnswer()
    {
        // The forgery echoes our originate and is 1000 s ahead; taken, it would show as a 1000 s offset.
        _server.SendsForgeryFirst = true;

        ClockReading reading = await _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None);

        AssertOffsetNear(TimeSpan.Zero, reading);
    }

    [Theory]
    // 2024-01-01T00:00:00Z is 3,913,056,000 s after 1900 (Unix 1,704,067,200 + 2,208,988,800).
    [InlineData(3_913_056_000u, 0u, "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    // Era 1 starts at 1900 + 2^32 s = 2036-02-07T06:28:16Z; just before it, second 1 of era 1 is nearest.
    [InlineData(1u, 0x8000_0000u, "2036-02-07T06:28:10Z", "2036-02-07T06:28:17.5Z")]
    // Just after it, the last second of era 0 is nearest.
    [InlineData(uint.MaxValue, 0u, "2036-02-07T06:28:20Z", "2036-02-07T06:28:15Z")]
    // Far into era 1, a small count of seconds is still era 1's.
    [InlineData(86_400u, 0x4000_0000u, "2036-03-01T00:00:00Z", "2036-02-08T06:28:16.25Z")]
    public void ToTime_AcrossThe2036EraChange_ReadsTheEraNearestOurClock(uint seconds, uint fraction, string ourClock, string expected)
    {
        ulong timestamp = ((ulong)seconds << 32) | fraction;

        DateTimeOffset time = NtpTimestamp.ToTime(timestamp, DateTimeOffset.Parse(ourClock));

        Assert.Equal(DateTimeOffset.Parse(expected), time);
    }

    public void Dispose() => _server.Dispose();

    // The server read its clock (the host's, moved by the skew) after we noted SentAt and before we noted
    // ReceivedAt, so its two times minus the skew, and their midpoint, lie within [SentAt, ReceivedAt]:
    // the offset differs from the skew by at most half the round trip.
    private static void AssertOffsetNear(TimeSpan skew, ClockReading reading)
    {
        TimeSpan bound = (reading.RoundTrip / 2) + Slack;
        Assert.InRange(reading.Offset - skew, -bound, bound);
    }

    private Task<SntpException> ReadFailureAsync() =>
        Assert.ThrowsAsync<SntpException>(() => _client.ReadAsync(_server.Reference, AnswerTimeout, CancellationToken.None));

    /// <summary>A host clock that is set back a second each time it is read (FakeTimeProvider cannot go back).</summary>
    private sealed class SetBackClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now -= TimeSpan.FromSeconds(1);
    }
}
