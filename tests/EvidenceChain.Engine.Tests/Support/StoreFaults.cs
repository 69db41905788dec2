using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Engine.Tests.Support;

/// <summary>
/// Fault injection for a corrupted store, a fault the tests cannot cause on real files otherwise:
/// once <see cref="CorruptSubtree"/> is set, the subtree over the first four leaves (level 2, index
/// 0) reads back as a different hash; with <see cref="TamperedRecordLeafIndex"/>, that leaf's record
/// reads back with its last byte changed; with <see cref="ForgetBatchLeafHashes"/>, no batch has its leaf hashes kept.
/// Everything else passes through to the real store.
/// </summary>
internal sealed class StoreFaults
{
    public bool CorruptSubtree { get; set; }

    public ulong? TamperedRecordLeafIndex { get; set; }

    /// <summary>Reads back no batch's leaf hashes, as a store written before they were kept (the receipts then read the leaves).</summary>
    public bool ForgetBatchLeafHashes { get; set; }

    public ILogStore Wrap(ILogStore store) => new Decorator(store, this);

    private sealed class Decorator(ILogStore inner, StoreFaults fault) : ILogStore
    {
        public ulong LeafCount => inner.LeafCount;

        public ulong IntegratedSize => inner.IntegratedSize;

        public long NextBatchId => inner.NextBatchId;

        public Digest GetSubtree(int level, ulong index) =>
            fault.CorruptSubtree && level == 2 && index == 0 ? Sm3.HashData("not the leaf"u8) : inner.GetSubtree(level, index);

        public LogIdentity? ReadIdentity() => inner.ReadIdentity();

        public void CreateIdentity(LogIdentity identity) => inner.CreateIdentity(identity);

        public void AppendBatch(AcceptedBatch batch) => inner.AppendBatch(batch);

        public StoredLeaf? FindLeaf(ulong leafIndex) => inner.FindLeaf(leafIndex);

        public StoredLeaf? FindLeafByHash(Digest leafHash) => inner.FindLeafByHash(leafHash);

        public Digest[]? ReadBatchLeafHashes(long batchId) => fault.ForgetBatchLeafHashes ? null : inner.ReadBatchLeafHashes(batchId);

        public IReadOnlyDictionary<Digest, StoredLeaf> FindLeavesByDedupeKeys(IReadOnlyCollection<Digest> dedupeKeys) => inner.FindLeavesByDedupeKeys(dedupeKeys);

        public bool HasReplayKey(Digest replayKey) => inner.HasReplayKey(replayKey);

        public StoredRecord? FindRecord(ulong leafIndex) => inner.FindRecord(leafIndex) is StoredRecord record ? Tamper(record) : null;

        public IReadOnlyList<StoredRecord> ReadRecords(Core.Leaves.LeafType type, ulong fromLeafIndex, int limit) =>
            [.. inner.ReadRecords(type, fromLeafIndex, limit).Select(Tamper)];

        public IReadOnlyList<StoredRecord> ReadRecordsByKey(string key, ulong fromLeafIndex, int limit) => inner.ReadRecordsByKey(key, fromLeafIndex, limit);

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

        private StoredRecord Tamper(StoredRecord record) =>
            record.LeafIndex == fault.TamperedRecordLeafIndex ? record with { Bytes = [.. record.Bytes[..^1], (byte)(record.Bytes[^1] ^ 1)] } : record;
    }
}
