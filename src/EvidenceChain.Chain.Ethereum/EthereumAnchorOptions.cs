namespace EvidenceChain.Chain.Ethereum;

/// <summary>How an EVM chain is anchored to: when a block counts as final, and what fees we are willing to pay.</summary>
public sealed record EthereumAnchorOptions
{
    /// <summary>Blocks below the head that count as final, for chains without a <c>finalized</c> tag; null uses the tag.</summary>
    public ulong? FinalityDepth { get; init; }

    /// <summary>The most an anchor may pay per gas (wei), however often a stuck transaction is replaced. Default 200 gwei.</summary>
    public ulong MaxFeePerGasCap { get; init; } = 200_000_000_000;

    /// <summary>How much a replacement raises both fees, in percent (nodes require at least 10).</summary>
    public int FeeBumpPercent { get; init; } = 25;
}
