using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Engine.Tests.Support;

/// <summary>
/// Fault injection for a corrupted store: once <see cref="Corrupt"/> is set, the subtree over the
/// first four leaves (level 2, index 0) reads back as a different hash. Everything else passes
/// through to the real store.
/// </summary>
internal sealed class FaultySubtrees
{
    public bool Corrupt { get; set; }

    public ILogStore Wrap(ILogStore store) => new Decorator(store, this);

    private sealed class Decorator(ILogStore inner, FaultySubtrees fault) : ILogStore
    {
        public ulong LeafCount => inner.LeafCount;

        public ulong IntegratedSize => inner.IntegratedSize;

        public long NextBatchId => inner.NextBatchId;

        public Digest GetSubtree(int level, ulong index) =>
            fault.Corrupt && level == 2 && index == 0 ? Sm3.HashData("not the leaf"u8) : inner.GetSubtree(level, index);

        public LogIdentity? ReadIdentity() => inner.ReadIdentity();

        public void CreateIdentity(LogIdentity identity) => inner.CreateIdentity(identity);

        public void AppendBatch(AcceptedBatch batch) => inner.AppendBatch(batch);

        public StoredLeaf? FindLeaf(ulong leafIndex) => inner.FindLeaf(leafIndex);

        public StoredLeaf? FindLeafByHash(Digest leafHash) => inner.FindLeafByHash(leafHash);

        public StoredLeaf? FindLeafByDedupeKey(Digest dedupeKey) => inner.FindLeafByDedupeKey(dedupeKey);

        public bool HasReplayKey(Digest replayKey) => inner.HasReplayKey(replayKey);

        public StoredRecord? FindRecord(ulong leafIndex) => inner.FindRecord(leafIndex);

        public IReadOnlyList<StoredRecord> ReadRecordsOfParty(string partyId, ulong fromLeafIndex, int limit) => inner.ReadRecordsOfParty(partyId, fromLeafIndex, limit);

        public IReadOnlyList<byte[]> ReadLeaves(ulong start, int count) => inner.ReadLeaves(start, count);

        public StoredBatch? FindBatch(long batchId) => inner.FindBatch(batchId);

        public void AppendSubtrees(IReadOnlyList<SubtreeHash> subtrees, ulong integratedSize) => inner.AppendSubtrees(subtrees, integratedSize);

        public StoredCheckpoint? LatestCheckpoint() => inner.LatestCheckpoint();

        public StoredCheckpoint? FindCheckpoint(ulong treeSize) => inner.FindCheckpoint(treeSize);

        public void SaveAnchor(StoredAnchor anchor) => inner.SaveAnchor(anchor);

        public IReadOnlyList<StoredAnchor> ReadAnchors() => inner.ReadAnchors();

        public SignedRequest? FindSignedRequest(long batchId, int requestNumber) => inner.FindSignedRequest(batchId, requestNumber);

        public IReadOnlyList<AnchorTarget> ReadAnchorTargets() => inner.ReadAnchorTargets();

        public IReadOnlyList<StoredAnchor> ReadAnchors(AnchorTarget target, ulong fromTreeSize, int limit) => inner.ReadAnchors(target, fromTreeSize, limit);

        public StoredAnchor? LatestAnchor(AnchorTarget target) => inner.LatestAnchor(target);

        public IReadOnlyList<StoredAnchor> ReadUnsettledAnchors() => inner.ReadUnsettledAnchors();

        public void AppendCheckpoint(StoredCheckpoint checkpoint) => inner.AppendCheckpoint(checkpoint);

        public void Dispose()
        {
        }
    }
}
