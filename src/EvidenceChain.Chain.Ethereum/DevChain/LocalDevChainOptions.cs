namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>Where and how <see cref="LocalDevChain"/> runs its anvil node.</summary>
public sealed class LocalDevChainOptions
{
    /// <summary>The folder that keeps the chain between runs (anvil's state, its PID, the deployment); created if missing.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The anvil binary; null finds the repository's pinned npm package in a node_modules folder above the current or the application's directory.</summary>
    public string? AnvilPath { get; init; }

    /// <summary>The chain id anvil reports and transactions are signed for (EIP-155).</summary>
    public long ChainId { get; init; } = 31337;

    /// <summary>anvil mines a block this often, so the <c>safe</c> and <c>finalized</c> tags move without traffic.</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(1);
}
