using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// A chain that anchors checkpoint roots (the EvidenceAnchor contract on an EVM chain). Calls may
/// fail with any exception when the chain is unreachable; the anchoring worker retries, and
/// deposits never wait for it.
/// </summary>
public interface IAnchorChain
{
    /// <summary>Identifies the chain and contract that anchors are recorded on.</summary>
    string ChainName { get; }

    /// <summary>Sends an anchor and waits for its inclusion in a block.</summary>
    Task<ChainInclusion> AnchorAsync(Digest logId, ulong treeSize, Digest root, CancellationToken cancellationToken);

    /// <summary>Where an earlier anchor of <paramref name="root"/> landed (after a crash or a duplicate), or null.</summary>
    Task<ChainInclusion?> FindAnchorAsync(Digest root, CancellationToken cancellationToken);

    /// <summary>The newest block considered final: the chain's finalized block where it has one, else head minus the configured depth.</summary>
    Task<ulong> FinalBlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>The hash of the canonical block at <paramref name="blockNumber"/>, or null if there is none.</summary>
    Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken);
}
