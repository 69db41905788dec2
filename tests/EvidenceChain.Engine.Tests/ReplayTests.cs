using System.Security.Cryptography;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Tests.Support;

namespace EvidenceChain.Engine.Tests;

/// <summary>Stamped (v2) deposit requests are taken once, and only within the time window around the notary's clock.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly TestLog _log = new();

    [Fact]
    public async Task Submit_SameStampedRequestTwice_SecondRefusedAsReplayAndNothingAdded()
    {
        DepositSubmission signed = _log.Submission([TestLog.Entry(1)], Fresh());

        DepositOutcome first = await _log.Intake.SubmitAsync(signed, CancellationToken.None);
        ulong leaves = _log.Store.LeafCount;
        DepositOutcome replay = await _log.Intake.SubmitAsync(signed, CancellationToken.None);

        Assert.Equal(DepositOutcomeStatus.Accepted, first.Status);
        Assert.Equal(DepositOutcomeStatus.Replayed, replay.Status);
        Assert.Contains("nonce", replay.Detail, StringComparison.Ordinal);
        Assert.Equal(leaves, _log.Store.LeafCount);
    }

    [Fact]
    public async Task Submit_SameStampedRequestTwiceAtOnce_OneTakenOneRefused()
    {
        DepositSubmission signed = _log.Submission([TestLog.Entry(2)], Fresh());

        DepositOutcome[] outcomes = await Task.WhenAll(
            _log.Intake.SubmitAsync(signed, CancellationToken.None),
            _log.Intake.SubmitAsync(signed, CancellationToken.None));

        Assert.Equal([DepositOutcomeStatus.Accepted, DepositOutcomeStatus.Replayed], outcomes.Select(o => o.Status).Order());
        Assert.Equal(1UL, _log.Store.LeafCount);
    }

    [Fact]
    public async Task Submit_SameEntriesNewNonce_ReturnsTheOriginalDeposit()
    {
        DepositOutcome first = await _log.Intake.SubmitAsync(_log.Submission([TestLog.Entry(3)], Fresh()), CancellationToken.None);
        DepositOutcome again = await _log.Intake.SubmitAsync(_log.Submission([TestLog.Entry(3)], Fresh()), CancellationToken.None);

        Assert.Equal(DepositOutcomeStatus.Accepted, again.Status);
        Assert.True(again.Deposits[0].AlreadyDeposited);
        Assert.Equal(first.Deposits[0].LeafIndex, again.Deposits[0].LeafIndex);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Submit_SignedOutsideTheWindow_RefusedAsStale(int minutes)
    {
        var stamp = new RequestStamp(DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeMilliseconds(), RandomNumberGenerator.GetBytes(RequestStamp.NonceLengthBytes));

        DepositOutcome outcome = await _log.Intake.SubmitAsync(_log.Submission([TestLog.Entry(4)], stamp), CancellationToken.None);

        Assert.Equal(DepositOutcomeStatus.Stale, outcome.Status);
        Assert.Contains("check the clock", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, _log.Store.LeafCount);
    }

    [Fact]
    public async Task Submit_StampChangedAfterSigning_BadSignature()
    {
        DepositSubmission signed = _log.Submission([TestLog.Entry(5)], Fresh());
        DepositSubmission restamped = signed with { Stamp = Fresh() };
        DepositSubmission unstamped = signed with { Stamp = null };

        Assert.Equal(DepositOutcomeStatus.BadSignature, (await _log.Intake.SubmitAsync(restamped, CancellationToken.None)).Status);
        Assert.Equal(DepositOutcomeStatus.BadSignature, (await _log.Intake.SubmitAsync(unstamped, CancellationToken.None)).Status);
    }

    public void Dispose() => _log.Dispose();

    private static RequestStamp Fresh() => RequestStamp.Create(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), RandomNumberGenerator.Fill);
}
