namespace EvidenceChain.DepositCertificates;

/// <summary>
/// One proven anchor's depth as the notary's own chain node saw it at issuance, or why it was not seen. It is the
/// notary's claim: the receipt proves the anchor's block, not how deep it is; a reader checks that with a node they
/// trust (<c>verify --rpc</c>).
/// </summary>
public sealed record AnchorDepthClaim
{
    private AnchorDepthClaim(AnchorDepthObservation observation, DateTimeOffset? observedAt, ulong headBlockNumber, ulong depthBlocks)
    {
        Observation = observation;
        ObservedAt = observedAt;
        HeadBlockNumber = headBlockNumber;
        DepthBlocks = depthBlocks;
    }

    public AnchorDepthObservation Observation { get; }

    /// <summary>When the node answered, or was asked when it did not; null when no node was asked.</summary>
    public DateTimeOffset? ObservedAt { get; }

    /// <summary>The node's head block number when it answered; 0 unless observed.</summary>
    public ulong HeadBlockNumber { get; }

    /// <summary>Blocks from the anchor's block to the head, both counted (1: the anchor is the head); 0 unless observed.</summary>
    public ulong DepthBlocks { get; }

    /// <summary>The node had the anchor's block at <paramref name="anchorBlockNumber"/> and its head at <paramref name="headBlockNumber"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The head is below the anchor's block.</exception>
    public static AnchorDepthClaim Observed(ulong anchorBlockNumber, ulong headBlockNumber, DateTimeOffset observedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headBlockNumber, anchorBlockNumber);
        return new AnchorDepthClaim(AnchorDepthObservation.Observed, observedAt, headBlockNumber, headBlockNumber - anchorBlockNumber + 1);
    }

    /// <summary>Not observed, for <paramref name="reason"/>; <paramref name="askedAt"/> when a node was asked.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <see cref="AnchorDepthObservation.Observed"/>.</exception>
    public static AnchorDepthClaim NotObserved(AnchorDepthObservation reason, DateTimeOffset? askedAt = null)
    {
        if (reason == AnchorDepthObservation.Observed || !Enum.IsDefined(reason))
        {
            throw new ArgumentException($"{reason} is no reason for a depth not observed; use {nameof(Observed)}", nameof(reason));
        }

        return new AnchorDepthClaim(reason, askedAt, 0, 0);
    }
}
