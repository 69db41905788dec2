using System.Security.Cryptography;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Engine.Timestamping;
using EvidenceChain.Timestamping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Engine.Tests.Timestamping;

/// <summary>
/// The checkpoint stamper on a real store with the built-in TSA: the latest checkpoint is stamped once per
/// interval and only when the log grew by more than the TSA's own token leaves, so an idle log is not stamped
/// forever; a TSA that is down is asked again next round while the others' tokens are kept; a reply that does
/// not answer the request is never kept. Time is a <see cref="FakeTimeProvider"/> moved by the test.
/// </summary>
public sealed class CheckpointStamperTests : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(60);

    private readonly TestLog _log = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly BuiltInTsa _tsa;

    public CheckpointStamperTests()
    {
        var random = new SecureRandom();
        DateTimeOffset now = _time.GetUtcNow();
        IssuedCertificate root = TsaCertificates.CreateRoot(TsaKeyAlgorithm.EcdsaP256, "test TSA root", now.AddDays(-1), now.AddYears(1), random);
        IssuedCertificate tsa = TsaCertificates.IssueTsa(root, TsaKeyAlgorithm.EcdsaP256, "test TSA", now.AddDays(-1), now.AddYears(1), random);
        var authority = new TimestampAuthority(TsaCredential.Create(tsa.PrivateKey, tsa.Certificate), "2.25.1", TimeSpan.FromSeconds(1), new ClockGuard(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));
        _tsa = new BuiltInTsa(authority, _log.Intake, _time, RandomNumberGenerator.Fill, () => new ClockReading("test", _time.GetUtcNow(), TimeSpan.Zero, _time.GetUtcNow(), _time.GetUtcNow()));
    }

    [Fact]
    public async Task Latest_StampedOncePerInterval_OnlyWhenTheLogGrewByMoreThanTheTsasOwnTokens()
    {
        CheckpointStamper stamper = Stamper(new BuiltInTsaClient(_tsa));
        await _log.DepositAsync(1);
        _log.Sequencer.SignPending();
        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal([1UL], StampedSizes());

        // The token is a leaf: the next checkpoint holds only that. Past the interval it is still not stamped.
        _log.Sequencer.SignPending();
        Assert.Equal(2UL, _log.Store.LatestCheckpoint()!.TreeSize);
        _time.Advance(s_interval);
        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal([1UL], StampedSizes());

        // A deposit is growth: stamped, a full interval after the last stamp. The next deposit waits out the interval.
        await _log.DepositAsync(1, seed: 1);
        _log.Sequencer.SignPending();
        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal([1UL, 3UL], StampedSizes());
        await _log.DepositAsync(1, seed: 2);
        _log.Sequencer.SignPending();
        ulong latest = _log.Store.LatestCheckpoint()!.TreeSize;
        _time.Advance(s_interval / 2);
        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal([1UL, 3UL], StampedSizes());
        _time.Advance(s_interval / 2);
        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal([1UL, 3UL, latest], StampedSizes());
    }

    [Fact]
    public async Task TsaDown_OthersKept_AskedAgainNextRound_AndAReplyToAnotherRequestIsNeverKept()
    {
        // Faults a TSA in process cannot produce on its own: down, then back; and one that answers another request.
        var flaky = new FlakyClient(new BuiltInTsaClient(_tsa)) { Down = true };
        var stale = new StaleClient(_tsa);
        CheckpointStamper stamper = Stamper(new NamedClient("good", new BuiltInTsaClient(_tsa)), flaky, stale);
        await _log.DepositAsync(1);
        _log.Sequencer.SignPending();

        await stamper.StepAsync(CancellationToken.None);
        Assert.Equal(["good"], _log.RealStore.ReadTimestamps(1, 10).Select(t => t.Authority));

        flaky.Down = false;
        _time.Advance(s_interval);
        await _log.DepositAsync(1, seed: 1);
        _log.Sequencer.SignPending();
        await stamper.StepAsync(CancellationToken.None);
        ulong latest = _log.Store.LatestCheckpoint()!.TreeSize;
        Assert.Equal(["flaky", "good"], _log.RealStore.ReadTimestamps(latest, 10).Select(t => t.Authority).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(_log.RealStore.ReadTimestamps(0, 100), t => t.Authority == "stale");
    }

    public void Dispose() => _log.Dispose();

    private CheckpointStamper Stamper(params ITimestampAuthorityClient[] authorities) =>
        new(_log.Store, _log.RealStore, authorities, _time, RandomNumberGenerator.Fill, new CheckpointStamperOptions { Interval = s_interval }, NullLogger<CheckpointStamper>.Instance);

    private ulong[] StampedSizes() => [.. _log.RealStore.ReadTimestamps(0, 100).Select(t => t.TreeSize).Distinct()];

    private sealed class NamedClient(string name, ITimestampAuthorityClient inner) : ITimestampAuthorityClient
    {
        public string Name => name;

        public Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken) => inner.ExchangeAsync(requestDer, cancellationToken);
    }

    private sealed class FlakyClient(ITimestampAuthorityClient inner) : ITimestampAuthorityClient
    {
        public bool Down { get; set; }

        public string Name => "flaky";

        public Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken) =>
            Down ? throw new TimestampAuthorityException("connection refused") : inner.ExchangeAsync(requestDer, cancellationToken);
    }

    /// <summary>Answers with a granted reply to a request of its own (another nonce and imprint), as a confused or replaying TSA might.</summary>
    private sealed class StaleClient(BuiltInTsa tsa) : ITimestampAuthorityClient
    {
        public string Name => "stale";

        public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken)
        {
            TimestampRequest other = TimestampRequest.Create(TimestampImprint.Compute(TimestampHash.Sha256, "another checkpoint"u8), RandomNumberGenerator.Fill);
            return (await tsa.IssueAsync(other.Der, cancellationToken)).ResponseDer;
        }
    }
}
