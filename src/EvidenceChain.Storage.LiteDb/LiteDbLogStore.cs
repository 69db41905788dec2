using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;
using LiteDB.Engine;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>
/// <see cref="ILogStore"/> on one LiteDB 5.0.21 database in a directory of its own: the data file
/// <c>log.db</c> and its write-ahead log <c>log-log.db</c>. Each write method is one LiteDB
/// transaction followed by an fsync of the log, and returns only after that fsync; readers see
/// only what a returned write stored. Writes run one at a time; reads run beside them.
/// </summary>
/// <remarks>
/// LiteDB does not fsync a commit: it writes the commit's pages to the log and returns. Opened
/// with a password it never fsyncs at all, and on streams it was given its checkpoint flushes the
/// data file only through <see cref="Stream.Flush()"/>. So the store opens both files itself,
/// without a password, as streams whose every flush is an fsync, and fsyncs the log once per
/// write method (for a group commit, once per batch). An observer passed to
/// <see cref="Open"/> sees every write, truncation and fsync of the files, and every write
/// method's return, so tests can prove that nothing returns before it is on disk.
/// </remarks>
public sealed partial class LiteDbLogStore : ILogStore, IPartyStore, ILocatorStore, ITimestampStore
{
    /// <summary>The LiteDB data file in the store's directory.</summary>
    public const string DataFileName = "log.db";

    /// <summary>LiteDB's write-ahead log beside the data file (LiteDB's own naming).</summary>
    public const string LogFileName = "log-log.db";

    /// <summary>The most leaves one <see cref="ReadLeaves"/> returns.</summary>
    public const int LeavesPerReadMax = ILogStore.LeavesPerReadMax;

    /// <summary>The most leaves a store holds: leaf indices must fit the 58 index bits of a subtree key.</summary>
    public const ulong LeafCountMax = SubtreeKey.IndexLimit;

    private readonly string _directory;
    private readonly DurableFileStream _dataStream;
    private readonly DurableFileStream _logStream;
    private readonly LiteDatabase _database;
    private readonly SerializedEngine _engine;
    private readonly Action<StorageEvent>? _observer;
    private readonly ILiteCollection<BsonDocument> _identity;
    private readonly ILiteCollection<BsonDocument> _state;
    private readonly ILiteCollection<BsonDocument> _leaves;
    private readonly ILiteCollection<BsonDocument> _batches;
    private readonly ILiteCollection<BsonDocument> _batchLeafHashes;
    private readonly ILiteCollection<BsonDocument> _subtrees;
    private readonly ILiteCollection<BsonDocument> _checkpoints;
    private readonly ILiteCollection<BsonDocument> _anchors;
    private readonly ILiteCollection<BsonDocument> _anchorTargets;
    private readonly ILiteCollection<BsonDocument> _parties;
    private readonly ILiteCollection<BsonDocument> _records;
    private readonly ILiteCollection<BsonDocument> _recordKeys;
    private readonly ILiteCollection<BsonDocument> _replayKeys;
    private readonly ILiteCollection<BsonDocument> _recordTypes;
    private readonly ILiteCollection<BsonDocument> _locators;
    private readonly ILiteCollection<BsonDocument> _timestamps;

    // LiteDB keeps one transaction per thread; the store keeps one writer at a time on top, so a
    // write's checks and its transaction see the same state.
    private readonly Lock _writeLock = new();
    private volatile StoreState _current;
    private volatile Exception? _fault;
    private bool _disposed;

    private LiteDbLogStore(string directory, DurableFileStream dataStream, DurableFileStream logStream, SerializedEngine engine, LiteDatabase database, Action<StorageEvent>? observer)
    {
        _engine = engine;
        _directory = directory;
        _dataStream = dataStream;
        _logStream = logStream;
        _database = database;
        _observer = observer;
        _identity = database.GetCollection(Documents.Identity);
        _state = database.GetCollection(Documents.State);
        _leaves = database.GetCollection(Documents.Leaves);
        _batches = database.GetCollection(Documents.Batches);
        _batchLeafHashes = database.GetCollection(Documents.BatchLeafHashes);
        _subtrees = database.GetCollection(Documents.Subtrees);
        _checkpoints = database.GetCollection(Documents.Checkpoints);
        _anchors = database.GetCollection(Documents.Anchors);
        _anchorTargets = database.GetCollection(Documents.AnchorTargets);
        _parties = database.GetCollection(Documents.Parties);
        _records = database.GetCollection(RecordDocuments.Records);
        _recordKeys = database.GetCollection(RecordDocuments.RecordKeys);
        _replayKeys = database.GetCollection(RecordDocuments.ReplayKeys);
        _recordTypes = database.GetCollection(RecordDocuments.RecordTypes);
        _locators = database.GetCollection(LocatorDocuments.Locators);
        _timestamps = database.GetCollection(TimestampDocuments.Timestamps);

        // The unique indexes are the last line against a leaf or a deposit stored twice. Creating
        // one commits like any write, so it is made durable like one.
        bool created = _leaves.EnsureIndex(Documents.LeafHash, BsonExpression.Create("$." + Documents.LeafHash), unique: true);
        created |= _leaves.EnsureIndex(Documents.DedupeKey, BsonExpression.Create("$." + Documents.DedupeKey), unique: true);

        // Unsettled anchors are found by status without reading every anchor ever made.
        created |= _anchors.EnsureIndex(Documents.AnchorStatus, BsonExpression.Create("$." + Documents.AnchorStatus));

        // Who signed a request is found by the key's fingerprint (one index entry per key of a party).
        created |= _parties.EnsureIndex(Documents.KeyFingerprints, BsonExpression.Create(Documents.KeyFingerprintsExpression));
        created |= _locators.EnsureIndex(LocatorDocuments.Owner, BsonExpression.Create("$." + LocatorDocuments.Owner));
        if (created)
        {
            _logStream.Flush();
        }

        _current = ReadState();
    }

    /// <summary>
    /// Opens the store in <paramref name="directory"/>, creating the directory and an empty store
    /// if there is none. Only one store may have a directory open at a time.
    /// </summary>
    /// <param name="directory">The store's own directory.</param>
    /// <param name="observer">
    /// Told of every <see cref="FileWritten"/>, <see cref="FileLengthSet"/> and
    /// <see cref="FileFlushedToDisk"/> on the store's files and of every <see cref="WriteReturned"/>,
    /// synchronously, in order, on the thread doing the I/O (a write method's thread, or the
    /// disposing thread for LiteDB's final checkpoint). It must be quick and thread-safe.
    /// </param>
    /// <exception cref="InvalidOperationException">The store is open elsewhere, or its files are inconsistent.</exception>
    public static LiteDbLogStore Open(string directory, Action<StorageEvent>? observer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string path = Path.GetFullPath(directory);
        CreateDirectoryDurably(path, observer);

        string dataPath = Path.Combine(path, DataFileName);
        string logPath = Path.Combine(path, LogFileName);
        bool newFiles = !File.Exists(dataPath) || !File.Exists(logPath);
        DurableFileStream? data = null;
        DurableFileStream? log = null;
        LiteDatabase? database = null;
        try
        {
            data = DurableFileStream.Open(dataPath, StorageFile.Data, observer);
            log = DurableFileStream.Open(logPath, StorageFile.Log, observer);
            if (newFiles)
            {
                FlushDirectory(path, observer);
            }

            // Never a password: LiteDB 5.0.21 does not fsync an encrypted store at all.
            var engine = new SerializedEngine(new LiteEngine(new EngineSettings { DataStream = data, LogStream = log }));
            database = new LiteDatabase(engine, new BsonMapper(), disposeOnClose: true);
            return new LiteDbLogStore(path, data, log, engine, database, observer);
        }
        catch (Exception e)
        {
            database?.Dispose();
            log?.Dispose();
            data?.Dispose();
            if (log is null && IsLockedByAnother(e))
            {
                throw Error.AlreadyOpen(path, e);
            }

            throw;
        }
    }

    public ulong LeafCount => _current.LeafCount;

    public ulong IntegratedSize => _current.IntegratedSize;

    public long NextBatchId => _current.NextBatchId;

    public LogIdentity? ReadIdentity() => _current.Identity;

    public StoredCheckpoint? LatestCheckpoint() => _current.LatestCheckpoint;

    public StoredCheckpoint? FindCheckpoint(ulong treeSize)
    {
        // Only what the published state covers: a checkpoint committed but not yet fsynced is not served.
        if (_current.LatestCheckpoint is not StoredCheckpoint latest || treeSize > latest.TreeSize)
        {
            return null;
        }

        BsonDocument? document = _checkpoints.FindById(Documents.Key(treeSize));
        return document is null ? null : Documents.ToCheckpoint(document);
    }

    /// <exception cref="InvalidOperationException">The store already holds an identity, leaves or checkpoints.</exception>
    public void CreateIdentity(LogIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.Origin, nameof(identity));
        lock (_writeLock)
        {
            StoreState state = WritableState();
            if (state.Identity is not null)
            {
                throw Error.NotEmpty($"already holds the log '{state.Identity.Origin}'");
            }

            if (!state.IsEmpty)
            {
                throw Error.NotEmpty($"holds {state.LeafCount} leaves and {(state.LatestCheckpoint is null ? "no" : "a")} checkpoint without an identity");
            }

            Write(StoreOperation.CreateIdentity, state with { Identity = identity }, () => _identity.Insert(Documents.FromIdentity(identity)));
        }
    }

    /// <summary>
    /// Appends a batch, its leaves and its signed requests in one durable transaction. Rules, in
    /// order: at least one leaf, every request number names one of the batch's requests, no leaf
    /// hash or dedupe key twice in the batch; the batch id is <see cref="NextBatchId"/>; the first
    /// leaf index is <see cref="LeafCount"/>; no leaf hash or dedupe key is already stored. A
    /// rejected batch writes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The batch breaks a rule on its own.</exception>
    /// <exception cref="InvalidOperationException">The batch does not fit what the store holds.</exception>
    public void AppendBatch(AcceptedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_writeLock)
        {
            StoreState state = WritableState();
            CheckBatch(batch, state);
            var leaves = new BsonDocument[batch.Leaves.Count];
            for (int i = 0; i < leaves.Length; i++)
            {
                leaves[i] = Documents.FromLeaf(batch.FirstLeafIndex + (ulong)i, batch.Leaves[i], batch.BatchId, i);
            }

            StoreState next = state with { LeafCount = state.LeafCount + (ulong)leaves.Length, NextBatchId = batch.BatchId + 1 };
            try
            {
                Write(StoreOperation.AppendBatch, next, () =>
                {
                    _leaves.InsertBulk(leaves);
                    _batches.Insert(Documents.FromBatch(batch));
                    _batchLeafHashes.Insert(Documents.FromBatchLeafHashes(batch));
                    InsertRecords(batch);
                    InsertReplayKeys(batch);
                });
            }
            catch (InvalidOperationException e) when (_fault is null && e.InnerException is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY })
            {
                // Only the unique indexes see a stored duplicate (a lookup per leaf up front would
                // cost more than the insert); the transaction is rolled back, so name the leaf now.
                throw DescribeStoredDuplicate(batch) ?? e;
            }
        }
    }

    /// <summary>
    /// Stores exactly the perfect subtrees that integrating leaves [<see cref="IntegratedSize"/>,
    /// <paramref name="integratedSize"/>) completes, and moves <see cref="IntegratedSize"/>, in one
    /// durable transaction.
    /// </summary>
    /// <exception cref="ArgumentException">A subtree was not completed by this step, is repeated, or one is missing.</exception>
    /// <exception cref="InvalidOperationException">The size does not move forward, or passes <see cref="LeafCount"/>.</exception>
    public void AppendSubtrees(IReadOnlyList<SubtreeHash> subtrees, ulong integratedSize)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        lock (_writeLock)
        {
            StoreState state = WritableState();
            if (integratedSize <= state.IntegratedSize)
            {
                throw Error.Rule($"Integrating up to {integratedSize} leaves does not move the integrated size forward from {state.IntegratedSize}.");
            }

            if (integratedSize > state.LeafCount)
            {
                throw Error.Rule($"Cannot integrate up to {integratedSize} leaves: the store holds only {state.LeafCount}.");
            }

            CheckSubtrees(subtrees, state.IntegratedSize, integratedSize);
            BsonDocument[] documents = subtrees.Select(Documents.FromSubtree).ToArray();
            Write(StoreOperation.AppendSubtrees, state with { IntegratedSize = integratedSize }, () => _subtrees.InsertBulk(documents));
        }
    }

    /// <summary>
    /// Records an anchor (keyed by its target and tree size) durably. Only anchors of signed checkpoints, with
    /// the checkpoint's root, may be recorded.
    /// </summary>
    /// <exception cref="InvalidOperationException">No checkpoint of that size and root was signed.</exception>
    public void SaveAnchor(StoredAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        lock (_writeLock)
        {
            StoreState state = WritableState();
            if (FindCheckpoint(anchor.TreeSize) is not StoredCheckpoint signed || signed.Root != anchor.Root)
            {
                throw Error.Rule($"An anchor of size {anchor.TreeSize} with root {anchor.Root} does not match a signed checkpoint.");
            }

            Write(StoreOperation.SaveAnchor, state, () =>
            {
                _anchors.Upsert(Documents.FromAnchor(anchor));
                if (_anchorTargets.FindById(Documents.AnchorTargetKey(anchor.Target)) is null)
                {
                    _anchorTargets.Insert(Documents.FromAnchorTarget(anchor.Target));
                }
            });
        }
    }

    public IReadOnlyList<StoredAnchor> ReadAnchors() =>
        _anchors.FindAll().Select(Documents.ToAnchor).OrderBy(a => a.TreeSize).ThenBy(a => a.UpdatedAtMs).ToList();

    public IReadOnlyList<AnchorTarget> ReadAnchorTargets() =>
        [.. _anchorTargets.FindAll().Select(Documents.ToAnchorTarget)];

    public IReadOnlyList<StoredAnchor> ReadAnchors(AnchorTarget target, ulong fromTreeSize, int limit)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return [.. _anchors.Query()
            .Where(BsonExpression.Create(Documents.IdBetween, Documents.AnchorKey(target, fromTreeSize), Documents.AnchorKey(target, ulong.MaxValue)))
            .OrderBy(Documents.Id)
            .Limit(limit)
            .ToEnumerable()
            .Select(Documents.ToAnchor)];
    }

    public StoredAnchor? LatestAnchor(AnchorTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        BsonDocument? document = _anchors.Query()
            .Where(BsonExpression.Create(Documents.IdBetween, Documents.AnchorKey(target, 0), Documents.AnchorKey(target, ulong.MaxValue)))
            .OrderByDescending(Documents.Id)
            .Limit(1)
            .FirstOrDefault();
        return document is null ? null : Documents.ToAnchor(document);
    }

    public IReadOnlyList<StoredAnchor> ReadUnsettledAnchors() =>
        [.. _anchors.Find(BsonExpression.Create(Documents.AnchorStatusBelow, (int)AnchorStatus.Final)).Select(Documents.ToAnchor).OrderBy(a => a.TreeSize)];

    /// <summary>
    /// Stores a signed checkpoint as the latest, durably. Its size may not be below the latest's,
    /// may repeat it only with the same root (the newer note then replaces the older), and may not
    /// pass <see cref="IntegratedSize"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The checkpoint breaks one of those rules.</exception>
    public void AppendCheckpoint(StoredCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint.Note, nameof(checkpoint));
        lock (_writeLock)
        {
            StoreState state = WritableState();
            if (state.LatestCheckpoint is StoredCheckpoint latest)
            {
                if (checkpoint.TreeSize < latest.TreeSize)
                {
                    throw Error.Rule($"A checkpoint of size {checkpoint.TreeSize} cannot follow the stored checkpoint of size {latest.TreeSize}: tree sizes never decrease.");
                }

                if (checkpoint.TreeSize == latest.TreeSize && checkpoint.Root != latest.Root)
                {
                    throw Error.Rule($"A checkpoint of size {checkpoint.TreeSize} with root {checkpoint.Root} contradicts the stored one of the same size with root {latest.Root}: the log would show two histories.");
                }
            }

            if (checkpoint.TreeSize > state.IntegratedSize)
            {
                throw Error.Rule($"A checkpoint of size {checkpoint.TreeSize} covers leaves that are not integrated: the integrated size is {state.IntegratedSize}.");
            }

            Write(StoreOperation.AppendCheckpoint, state with { LatestCheckpoint = checkpoint }, () => _checkpoints.Upsert(Documents.FromCheckpoint(checkpoint)));
        }
    }

    public StoredLeaf? FindLeaf(ulong leafIndex)
    {
        if (leafIndex >= _current.LeafCount)
        {
            return null;
        }

        BsonDocument document = _leaves.FindById(Documents.Key(leafIndex)) ?? throw Error.Missing($"Leaf {leafIndex}");
        return Documents.ToLeaf(document);
    }

    public StoredLeaf? FindLeafByHash(Digest leafHash) => FindLeafBy(Documents.LeafHashEquals, leafHash);

    /// <summary>One query over the dedupe key index for the whole set: far cheaper than a lookup per key (docs/benchmarks.md).</summary>
    public IReadOnlyDictionary<Digest, StoredLeaf> FindLeavesByDedupeKeys(IReadOnlyCollection<Digest> dedupeKeys)
    {
        ArgumentNullException.ThrowIfNull(dedupeKeys);
        var found = new Dictionary<Digest, StoredLeaf>();
        if (dedupeKeys.Count == 0)
        {
            return found;
        }

        ulong leafCount = _current.LeafCount;
        var keys = new BsonArray(dedupeKeys.Select(Documents.Binary));
        foreach (BsonDocument document in _leaves.Find(BsonExpression.Create(Documents.DedupeKeyIn, keys)))
        {
            // A leaf committed by a write that has not returned yet is not durable, so not there.
            if ((ulong)document[Documents.Id].AsInt64 < leafCount)
            {
                found[Digest.Read(document[Documents.DedupeKey].AsBinary)] = Documents.ToLeaf(document);
            }
        }

        return found;
    }

    private StoredLeaf? FindOneByDedupeKey(Digest dedupeKey) => FindLeafBy(Documents.DedupeKeyEquals, dedupeKey);

    /// <summary>Leaf bytes for [start, start + count) ∩ [0, LeafCount), in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="LeavesPerReadMax"/>.</exception>
    public IReadOnlyList<byte[]> ReadLeaves(ulong start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, LeavesPerReadMax);
        ulong leafCount = _current.LeafCount;
        if (start >= leafCount || count == 0)
        {
            return [];
        }

        ulong end = Math.Min(leafCount, start + (ulong)count);
        var leaves = new byte[(int)(end - start)][];
        foreach (BsonDocument document in _leaves.Find(BsonExpression.Create(Documents.IdBetween, Documents.Key(start), Documents.Key(end - 1))))
        {
            leaves[(int)((ulong)document[Documents.Id].AsInt64 - start)] = document[Documents.Leaf].AsBinary;
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            if (leaves[i] is null)
            {
                throw Error.Missing($"Leaf {start + (ulong)i}");
            }
        }

        return leaves;
    }

    public SignedRequest? FindSignedRequest(long batchId, int requestNumber)
    {
        if (FindBatch(batchId) is null)
        {
            return null;
        }

        BsonArray requests = _batches.FindById(batchId)[Documents.Requests].AsArray;
        if (requestNumber < 0 || requestNumber >= requests.Count)
        {
            return null;
        }

        BsonDocument request = requests[requestNumber].AsDocument;
        return new SignedRequest(
            request[Documents.PublicKey].AsBinary,
            request[Documents.SignedBytes].AsBinary,
            request[Documents.Signature].AsBinary,
            KeyAlgorithm: request.TryGetValue(Documents.RequestKeyAlgorithm, out BsonValue algorithm) ? (PartyKeyAlgorithm)algorithm.AsInt32 : PartyKeyAlgorithm.Ed25519,
            Sm2UserId: request.TryGetValue(Documents.RequestSm2UserId, out BsonValue userId) ? userId.AsBinary : null);
    }

    public StoredBatch? FindBatch(long batchId)
    {
        if (batchId < StoreState.FirstBatchId || batchId >= _current.NextBatchId)
        {
            return null;
        }

        BsonDocument document = _batches.FindById(batchId) ?? throw Error.Missing($"Batch {batchId}");
        return Documents.ToBatch(document);
    }

    /// <summary>A stored batch's leaf hashes in batch order; null for an unknown batch or one stored before they were kept.</summary>
    public Digest[]? ReadBatchLeafHashes(long batchId) =>
        batchId < StoreState.FirstBatchId || batchId >= _current.NextBatchId || _batchLeafHashes.FindById(batchId) is not BsonDocument document
            ? null
            : Documents.ToBatchLeafHashes(document);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 0 to 63.</exception>
    /// <exception cref="InvalidOperationException">The subtree is not within the integrated leaves.</exception>
    public Digest GetSubtree(int level, ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, SubtreeKey.LevelMax);
        ulong integratedSize = _current.IntegratedSize;

        // (level, index) covers leaves [index·2^level, (index+1)·2^level), which are integrated
        // exactly when index < integratedSize / 2^level.
        if (index >= integratedSize >> level)
        {
            throw Error.NotIntegrated(level, index, integratedSize);
        }

        BsonDocument document = _subtrees.FindById(SubtreeKey.Pack(level, index)) ?? throw Error.Missing($"The subtree at level {level}, index {index}");
        return Digest.Read(document[Documents.Hash].AsBinary);
    }

    /// <summary>
    /// Closes the store. LiteDB checkpoints on close: it copies the log into the data file, fsyncs
    /// the data file (through <see cref="DurableFileStream"/>) and only then empties the log.
    /// </summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _database.Dispose();
            }
            finally
            {
                _logStream.Dispose();
                _dataStream.Dispose();
            }
        }
    }

    private void CheckBatch(AcceptedBatch batch, StoreState state)
    {
        if (batch.Leaves is null || batch.Leaves.Count == 0)
        {
            throw Error.Argument(nameof(batch), $"Batch {batch.BatchId} holds no leaves; a batch holds at least one.");
        }

        if (batch.Requests is null || batch.PromiseNote is null)
        {
            throw Error.Argument(nameof(batch), $"Batch {batch.BatchId} has no {(batch.Requests is null ? "requests" : "promise note")}.");
        }

        var replayKeys = new HashSet<Digest>();
        foreach (SignedRequest request in batch.Requests)
        {
            if (request?.PublicKey is null || request.SignedBytes is null || request.Signature is null)
            {
                throw Error.Argument(nameof(batch), $"Batch {batch.BatchId} holds a request without its public key, signed bytes or signature.");
            }

            if (request.ReplayKey is Digest replayKey && (!replayKeys.Add(replayKey) || HasReplayKey(replayKey)))
            {
                throw Error.Argument(nameof(batch), $"Batch {batch.BatchId} holds a stamped request whose replay key {replayKey} is already taken.");
            }
        }

        var positionsByHash = new Dictionary<Digest, int>(batch.Leaves.Count);
        var positionsByKey = new Dictionary<Digest, int>(batch.Leaves.Count);
        for (int i = 0; i < batch.Leaves.Count; i++)
        {
            AcceptedLeaf leaf = batch.Leaves[i];
            if (leaf?.Leaf is null)
            {
                throw Error.Argument(nameof(batch), $"Leaf {i} of batch {batch.BatchId} has no bytes.");
            }

            if (leaf.Record is null ? leaf.RequestNumber < 0 || leaf.RequestNumber >= batch.Requests.Count : leaf.RequestNumber != AcceptedLeaf.NoRequest)
            {
                throw Error.Argument(nameof(batch), leaf.Record is null
                    ? $"Leaf {i} of batch {batch.BatchId} names request {leaf.RequestNumber}, but the batch holds {batch.Requests.Count} requests."
                    : $"Leaf {i} of batch {batch.BatchId} is a record leaf; it names no request.");
            }

            if (leaf.Record is not null && (leaf.Record.Bytes is null || leaf.Record.Keys is null || LeafEnvelope.TryReadType(leaf.Leaf, out LeafType type) is { IsValid: false } || type == LeafType.Deposit))
            {
                throw Error.Argument(nameof(batch), $"Leaf {i} of batch {batch.BatchId} carries a record but is not a record leaf, or the record is incomplete.");
            }

            if (!positionsByHash.TryAdd(leaf.LeafHash, i))
            {
                throw Error.Argument(nameof(batch), $"Leaf {i} of batch {batch.BatchId} repeats the leaf hash of its leaf {positionsByHash[leaf.LeafHash]}.");
            }

            if (!positionsByKey.TryAdd(leaf.DedupeKey, i))
            {
                throw Error.Argument(nameof(batch), $"Leaf {i} of batch {batch.BatchId} repeats the dedupe key of its leaf {positionsByKey[leaf.DedupeKey]}.");
            }
        }

        if (batch.BatchId != state.NextBatchId)
        {
            throw Error.Rule($"Batch {batch.BatchId} is not the next batch: the store expects batch {state.NextBatchId}.");
        }

        if (batch.FirstLeafIndex != state.LeafCount)
        {
            throw Error.Rule($"Batch {batch.BatchId} starts at leaf index {batch.FirstLeafIndex}, but the store holds {state.LeafCount} leaves, so the next leaf index is {state.LeafCount}.");
        }

        if ((ulong)batch.Leaves.Count > LeafCountMax - state.LeafCount)
        {
            throw Error.Rule($"Batch {batch.BatchId} would take the store past its limit of {LeafCountMax} leaves.");
        }
    }

    // With every subtree inside the completed range and none repeated, the right count means the
    // set is exactly the one integrating [from, to) completes: a subtree at level L is completed
    // when (index + 1)·2^L passes from and reaches at most to.
    private static void CheckSubtrees(IReadOnlyList<SubtreeHash> subtrees, ulong from, ulong to)
    {
        var seen = new HashSet<long>(subtrees.Count);
        for (int i = 0; i < subtrees.Count; i++)
        {
            SubtreeHash subtree = subtrees[i];
            if (subtree.Level is < 0 or > SubtreeKey.LevelMax
                || subtree.Index < from >> subtree.Level
                || subtree.Index >= to >> subtree.Level)
            {
                throw Error.Argument(nameof(subtrees), $"Subtree {i} (level {subtree.Level}, index {subtree.Index}) is not completed by integrating leaves [{from}, {to}).");
            }

            if (!seen.Add(SubtreeKey.Pack(subtree.Level, subtree.Index)))
            {
                throw Error.Argument(nameof(subtrees), $"Subtree {i} (level {subtree.Level}, index {subtree.Index}) is given twice.");
            }
        }

        ulong expected = 0;
        for (int level = 0; level <= SubtreeKey.LevelMax; level++)
        {
            expected += (to >> level) - (from >> level);
        }

        if ((ulong)subtrees.Count != expected)
        {
            throw Error.Argument(nameof(subtrees), $"Integrating leaves [{from}, {to}) completes {expected} perfect subtrees, but {subtrees.Count} were given.");
        }
    }

    private static void CreateDirectoryDurably(string path, Action<StorageEvent>? observer)
    {
        var created = new List<string>();
        for (string? directory = path; directory is not null && !Directory.Exists(directory); directory = Path.GetDirectoryName(directory))
        {
            created.Add(directory);
        }

        Directory.CreateDirectory(path);

        // A new directory's name lives in its parent, which must be fsynced for the name to last.
        foreach (string directory in created)
        {
            FlushDirectory(Path.GetDirectoryName(directory)!, observer);
        }
    }

    private static void FlushDirectory(string path, Action<StorageEvent>? observer)
    {
        DirectorySync.FlushToDisk(path);
        observer?.Invoke(new FileFlushedToDisk(StorageFile.Directory));
    }

    // .NET reports a FileShare.None conflict as a sharing violation on Windows, and on Unix with
    // the errno of the refused flock as HResult: EWOULDBLOCK, 11 on Linux and 35 on macOS and BSD.
    private static bool IsLockedByAnother(Exception e) =>
        e is IOException && e.HResult == (OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsLinux() ? 11 : 35);

    private StoreState WritableState()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fault is Exception fault)
        {
            throw Error.Unusable(fault);
        }

        return _current;
    }

    // One write method's transaction: the caller holds the write lock and has checked every rule.
    private void Write(StoreOperation operation, StoreState next, Action write)
    {
        if (!_database.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction was left open on this thread; the store is in a bad state.");
        }

        bool committing = false;
        try
        {
            write();
            _state.Upsert(Documents.FromState(next));

            // From here on a failure may leave the transaction on disk (confirmed or not), so it
            // can no longer be reported as "nothing written".
            committing = true;
            _database.Commit();

            // LiteDB's commit wrote the pages to the log without fsync. Until this returns, a power
            // loss could take them back, so nobody may be told the write happened.
            _logStream.Flush();
        }
        catch (LiteException e) when (!committing)
        {
            if (TryRollBack())
            {
                throw Error.Rejected(operation, e);
            }

            _fault = e;
            throw Error.WriteFailed(operation, e);
        }
        catch (Exception e)
        {
            _fault = e;
            throw Error.WriteFailed(operation, e);
        }

        _current = next;
        _observer?.Invoke(new WriteReturned(operation));
    }

    // LiteDB usually rolls the transaction back itself when one of its operations throws; if it
    // did not, nothing may be left open on this thread. False if LiteDB has shut itself down.
    private bool TryRollBack()
    {
        try
        {
            _database.Rollback();
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
    }

    private StoredLeaf? FindLeafBy(string equals, Digest digest)
    {
        ulong leafCount = _current.LeafCount;
        BsonDocument? document = _leaves.FindOne(BsonExpression.Create(equals, Documents.Binary(digest)));

        // A leaf committed by a write that has not returned yet is not durable, so not there.
        return document is not null && (ulong)document[Documents.Id].AsInt64 < leafCount ? Documents.ToLeaf(document) : null;
    }

    private InvalidOperationException? DescribeStoredDuplicate(AcceptedBatch batch)
    {
        for (int i = 0; i < batch.Leaves.Count; i++)
        {
            if (FindOneByDedupeKey(batch.Leaves[i].DedupeKey) is StoredLeaf byKey)
            {
                return Error.AlreadyStored(batch, i, "dedupe key", byKey);
            }

            if (FindLeafByHash(batch.Leaves[i].LeafHash) is StoredLeaf byHash)
            {
                return Error.AlreadyStored(batch, i, "leaf hash", byHash);
            }
        }

        return null;
    }

    private StoreState ReadState()
    {
        BsonDocument? identity = _identity.FindById(Documents.SingleDocumentId);
        BsonDocument? state = _state.FindById(Documents.SingleDocumentId);
        if (state is null)
        {
            // Every write stores the state document in its transaction, so without one there
            // must be nothing at all.
            if (identity is not null || _leaves.Exists(Query.All()) || _batches.Exists(Query.All())
                || _subtrees.Exists(Query.All()) || _checkpoints.Exists(Query.All()))
            {
                throw Error.Inconsistent(_directory, "it holds documents but no state document");
            }

            return StoreState.Empty;
        }

        var read = new StoreState(
            identity is null ? null : Documents.ToIdentity(identity),
            (ulong)state[Documents.LeafCount].AsInt64,
            (ulong)state[Documents.IntegratedSize].AsInt64,
            state[Documents.NextBatchId].AsInt64,
            null);
        if (!state[Documents.LatestCheckpointTreeSize].IsNull)
        {
            BsonDocument checkpoint = _checkpoints.FindById(state[Documents.LatestCheckpointTreeSize])
                ?? throw Error.Inconsistent(_directory, $"the latest checkpoint (size {state[Documents.LatestCheckpointTreeSize].AsInt64}) is missing");
            read = read with { LatestCheckpoint = Documents.ToCheckpoint(checkpoint) };
        }

        CheckCounters(read);
        return read;
    }

    // Cheap checks that the counters match the collections' ends, so a damaged or hand-edited
    // store is refused at open instead of serving holes.
    private void CheckCounters(StoreState state)
    {
        if (state.LeafCount > 0 && _leaves.FindById(Documents.Key(state.LeafCount - 1)) is null)
        {
            throw Error.Inconsistent(_directory, $"it counts {state.LeafCount} leaves but leaf {state.LeafCount - 1} is missing");
        }

        if (_leaves.FindById(Documents.Key(state.LeafCount)) is not null)
        {
            throw Error.Inconsistent(_directory, $"it counts {state.LeafCount} leaves but holds a leaf at index {state.LeafCount}");
        }

        if (state.NextBatchId < StoreState.FirstBatchId
            || (state.NextBatchId > StoreState.FirstBatchId && _batches.FindById(state.NextBatchId - 1) is null)
            || _batches.FindById(state.NextBatchId) is not null)
        {
            throw Error.Inconsistent(_directory, $"its next batch id {state.NextBatchId} does not follow the stored batches");
        }

        if (state.IntegratedSize > state.LeafCount
            || (state.IntegratedSize > 0 && _subtrees.FindById(SubtreeKey.Pack(0, state.IntegratedSize - 1)) is null))
        {
            throw Error.Inconsistent(_directory, $"its integrated size {state.IntegratedSize} does not match the stored leaves and subtrees");
        }

        if (state.LatestCheckpoint is StoredCheckpoint latest && latest.TreeSize > state.IntegratedSize)
        {
            throw Error.Inconsistent(_directory, $"its latest checkpoint (size {latest.TreeSize}) passes the integrated size {state.IntegratedSize}");
        }
    }
}
