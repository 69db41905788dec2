using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Durable storage of one log: its identity, the accepted leaves in order (with the batches and
/// signed requests that brought them), the perfect subtree hashes of the integrated prefix, and the
/// signed checkpoints. Every method that writes returns only once what it wrote is on disk (fsync),
/// because callers acknowledge to depositors and sign checkpoints right after. Thread-safe.
/// </summary>
public interface ILogStore : ISubtreeHashes, IDisposable
{
    /// <summary>The most leaves one <see cref="ReadLeaves"/> call returns.</summary>
    const int LeavesPerReadMax = 1000;

    /// <summary>The log's identity, or null for a store that holds no log yet.</summary>
    LogIdentity? ReadIdentity();

    /// <summary>Records the identity of a new log; only on an empty store.</summary>
    void CreateIdentity(LogIdentity identity);

    /// <summary>How many leaves have been accepted (durable), integrated or not.</summary>
    ulong LeafCount { get; }

    /// <summary>How many leaves are integrated into the stored tree (subtree hashes stored).</summary>
    ulong IntegratedSize { get; }

    /// <summary>
    /// Appends a batch whose leaves start at <see cref="LeafCount"/>, with its promise and the
    /// signed requests it came from, in one durable transaction.
    /// </summary>
    void AppendBatch(AcceptedBatch batch);

    /// <summary>The next batch id to use (one more than the last stored).</summary>
    long NextBatchId { get; }

    /// <summary>A stored deposit by leaf index; null beyond <see cref="LeafCount"/>.</summary>
    StoredLeaf? FindLeaf(ulong leafIndex);

    /// <summary>A stored deposit by leaf hash (its deposit id).</summary>
    StoredLeaf? FindLeafByHash(Digest leafHash);

    /// <summary>
    /// The stored deposits among <paramref name="dedupeKeys"/> (depositor and entry), for resent requests: one
    /// lookup for a whole group commit, by key; keys of no stored deposit are absent.
    /// </summary>
    IReadOnlyDictionary<Digest, StoredLeaf> FindLeavesByDedupeKeys(IReadOnlyCollection<Digest> dedupeKeys);

    /// <summary>The record behind a record leaf (a custody event, …); null for a deposit leaf or beyond <see cref="LeafCount"/>.</summary>
    StoredRecord? FindRecord(ulong leafIndex);

    /// <summary>At most <paramref name="limit"/> records behind leaves of <paramref name="type"/>, from leaf index <paramref name="fromLeafIndex"/> on, in log order.</summary>
    IReadOnlyList<StoredRecord> ReadRecords(Core.Leaves.LeafType type, ulong fromLeafIndex, int limit);

    /// <summary>At most <paramref name="limit"/> records found by <paramref name="key"/> (a party id, an account key), from leaf index <paramref name="fromLeafIndex"/> on, in log order.</summary>
    IReadOnlyList<StoredRecord> ReadRecordsByKey(string key, ulong fromLeafIndex, int limit);

    /// <summary>Leaf bytes for [start, start + count) ∩ [0, LeafCount); count is at most <see cref="LeavesPerReadMax"/>.</summary>
    IReadOnlyList<byte[]> ReadLeaves(ulong start, int count);

    /// <summary>A batch's promise note and where its leaves start.</summary>
    StoredBatch? FindBatch(long batchId);

    /// <summary>
    /// A stored batch's leaf hashes in batch order, kept with it so its promise tree is rebuilt without reading its
    /// leaves; null for an unknown batch or one stored before they were kept (then the leaves are read).
    /// </summary>
    Digest[]? ReadBatchLeafHashes(long batchId);

    /// <summary>Whether a stored batch holds a stamped request with this replay key (the signer's key and nonce).</summary>
    bool HasReplayKey(Digest replayKey);

    /// <summary>The signed request <paramref name="requestNumber"/> of a batch, as the depositor signed it (who asked for its leaves).</summary>
    SignedRequest? FindSignedRequest(long batchId, int requestNumber);

    /// <summary>
    /// Stores the perfect subtrees completed by integrating leaves up to <paramref name="integratedSize"/>,
    /// durably, and moves <see cref="IntegratedSize"/>.
    /// </summary>
    void AppendSubtrees(IReadOnlyList<SubtreeHash> subtrees, ulong integratedSize);

    /// <summary>The latest signed checkpoint, or null before the first.</summary>
    StoredCheckpoint? LatestCheckpoint();

    /// <summary>The signed checkpoint of exactly <paramref name="treeSize"/> leaves, if one was signed.</summary>
    StoredCheckpoint? FindCheckpoint(ulong treeSize);

    /// <summary>Stores a signed checkpoint durably; sizes never decrease.</summary>
    void AppendCheckpoint(StoredCheckpoint checkpoint);

    /// <summary>Records an anchor (new or updated, keyed by target and tree size) durably, before the caller acts on it.</summary>
    void SaveAnchor(StoredAnchor anchor);

    /// <summary>Every stored anchor, by tree size: a full read, for exports and tests, not for a round of work.</summary>
    IReadOnlyList<StoredAnchor> ReadAnchors();

    /// <summary>The chains anchors were recorded on (a handful: one per chain, contract and genesis ever used).</summary>
    IReadOnlyList<AnchorTarget> ReadAnchorTargets();

    /// <summary>At most <paramref name="limit"/> anchors on <paramref name="target"/> of at least <paramref name="fromTreeSize"/> leaves, smallest first.</summary>
    IReadOnlyList<StoredAnchor> ReadAnchors(AnchorTarget target, ulong fromTreeSize, int limit);

    /// <summary>The anchor of the largest tree on <paramref name="target"/>, or null.</summary>
    StoredAnchor? LatestAnchor(AnchorTarget target);

    /// <summary>The anchors still pending or included (not final, not lost), on every target, by tree size.</summary>
    IReadOnlyList<StoredAnchor> ReadUnsettledAnchors();
}
