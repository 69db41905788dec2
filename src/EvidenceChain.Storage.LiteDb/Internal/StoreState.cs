using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// What the store has durably: readers see only this, published after each write's fsync, so a
/// committed page that is not yet on disk is never served.
/// </summary>
internal sealed record StoreState(
    LogIdentity? Identity,
    ulong LeafCount,
    ulong IntegratedSize,
    long NextBatchId,
    StoredCheckpoint? LatestCheckpoint)
{
    /// <summary>Batch ids start at 1, so that 0 never names a stored batch.</summary>
    public const long FirstBatchId = 1;

    public static StoreState Empty { get; } = new(null, 0, 0, FirstBatchId, null);

    public bool IsEmpty => this == Empty;
}
