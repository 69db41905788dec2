using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// A chain that anchors checkpoint roots (the EvidenceAnchor contract on an EVM chain). Sending is
/// split into signing and broadcasting so that the worker can store each signed transaction first.
/// Calls may fail with any exception when the chain is unreachable; the anchoring worker retries,
/// and deposits never wait for it.
/// </summary>
public interface IAnchorChain
{
    /// <summary>The chain and contract anchors go to; fails when the contract has no code there.</summary>
    Task<AnchorTarget> TargetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Signs (does not send) an anchor transaction. With <paramref name="replacing"/>, the same nonce
    /// and gas with higher fees, to replace a stuck transaction; else the account's next nonce and
    /// estimated gas. Fails with a clear exception when the contract would refuse the anchor.
    /// </summary>
    Task<AnchorAttempt> SignAnchorAsync(Digest logId, ulong treeSize, Digest root, AnchorAttempt? replacing, long nowMs, CancellationToken cancellationToken);

    /// <summary>Broadcasts a signed transaction; a node that already knows it, or has mined its nonce, is not an error.</summary>
    Task BroadcastAsync(AnchorAttempt attempt, CancellationToken cancellationToken);

    /// <summary>What became of a transaction, or null while it is not in a canonical block.</summary>
    Task<AttemptOutcome?> OutcomeAsync(string transactionHash, CancellationToken cancellationToken);

    /// <summary>The number of the anchoring account's transactions in canonical blocks (its next unmined nonce).</summary>
    Task<ulong> MinedNonceAsync(CancellationToken cancellationToken);

    /// <summary>Where an earlier anchor of <paramref name="root"/> landed (by any of our transactions), or null.</summary>
    Task<ChainInclusion?> FindAnchorAsync(Digest root, CancellationToken cancellationToken);

    /// <summary>The block header and receipt proof that let a verifier check <paramref name="inclusion"/> offline.</summary>
    Task<InclusionProof> ProveAsync(ChainInclusion inclusion, CancellationToken cancellationToken);

    /// <summary>The number of the node's head block (its latest).</summary>
    Task<ulong> HeadBlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>The newest block considered final: the chain's finalized block where it has one, else head minus the configured depth.</summary>
    Task<ulong> FinalBlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>The hash of the canonical block at <paramref name="blockNumber"/>, or null if there is none.</summary>
    Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken);
}
