using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// The store's documents, written by hand as <see cref="BsonDocument"/>s so the file format is
/// visible in one place: collection and field names below are the format. Digests are 32-byte
/// binaries; leaf indices and tree sizes are Int64 (they stay far below 2^63).
/// </summary>
internal static class Documents
{
    public const string Identity = "identity";
    public const string State = "state";
    public const string Leaves = "leaves";
    public const string Batches = "batches";
    public const string Subtrees = "subtrees";
    public const string Checkpoints = "checkpoints";
    public const string Anchors = "anchors";

    // Field names. "_id" is LiteDB's primary key: the leaf index, batch id, packed subtree key or
    // tree size, and 1 for the two single documents (identity, state).
    public const string Id = "_id";
    public const string Origin = "origin";
    public const string CreatedAtMs = "createdAtMs";
    public const string LeafCount = "leafCount";
    public const string IntegratedSize = "integratedSize";
    public const string NextBatchId = "nextBatchId";
    public const string LatestCheckpointTreeSize = "latestCheckpointTreeSize";
    public const string Leaf = "leaf";
    public const string LeafHash = "leafHash";
    public const string DedupeKey = "dedupeKey";
    public const string BatchId = "batchId";
    public const string BatchIndex = "batchIndex";
    public const string RequestNumber = "requestNumber";
    public const string FirstLeafIndex = "firstLeafIndex";
    public const string AcceptedAtMs = "acceptedAtMs";
    public const string PromiseNote = "promiseNote";
    public const string Requests = "requests";
    public const string PublicKey = "publicKey";
    public const string SignedBytes = "signedBytes";
    public const string Signature = "signature";
    public const string Hash = "hash";
    public const string Root = "root";
    public const string Note = "note";
    public const string SignedAtMs = "signedAtMs";

    public const int SingleDocumentId = 1;

    // Queries take their values as parameters: LiteDB compiles each distinct expression text
    // once and caches it for good, so a value written into the text (as Query.EQ does) costs a
    // compilation (about a millisecond) per lookup and grows the cache without bound.
    public const string LeafHashEquals = "$." + LeafHash + " = @0";
    public const string DedupeKeyEquals = "$." + DedupeKey + " = @0";
    public const string IdBetween = Id + " BETWEEN @0 AND @1";

    public static BsonValue Key(ulong value) => new(checked((long)value));

    public static BsonValue Binary(Digest digest) => new(digest.ToArray());

    public static BsonDocument FromIdentity(LogIdentity identity) => new()
    {
        [Id] = SingleDocumentId,
        [Origin] = identity.Origin,
        [CreatedAtMs] = identity.CreatedAtMs,
    };

    public static LogIdentity ToIdentity(BsonDocument document) =>
        new(document[Origin].AsString, document[CreatedAtMs].AsInt64);

    /// <summary>The counters of a state; identity and checkpoint live in their own collections.</summary>
    public static BsonDocument FromState(StoreState state) => new()
    {
        [Id] = SingleDocumentId,
        [LeafCount] = Key(state.LeafCount),
        [IntegratedSize] = Key(state.IntegratedSize),
        [NextBatchId] = state.NextBatchId,
        [LatestCheckpointTreeSize] = state.LatestCheckpoint is null ? BsonValue.Null : Key(state.LatestCheckpoint.TreeSize),
    };

    public static BsonDocument FromLeaf(ulong leafIndex, AcceptedLeaf leaf, long batchId, int batchIndex) => new()
    {
        [Id] = Key(leafIndex),
        [Leaf] = leaf.Leaf,
        [LeafHash] = Binary(leaf.LeafHash),
        [DedupeKey] = Binary(leaf.DedupeKey),
        [BatchId] = batchId,
        [BatchIndex] = batchIndex,

        // Not part of StoredLeaf yet, but it is the link from a leaf to the signed request that
        // asked for it, and cannot be recovered later.
        [RequestNumber] = leaf.RequestNumber,
    };

    public static StoredLeaf ToLeaf(BsonDocument document) => new(
        (ulong)document[Id].AsInt64,
        document[Leaf].AsBinary,
        Digest.Read(document[LeafHash].AsBinary),
        document[BatchId].AsInt64,
        document[BatchIndex].AsInt32);

    public static BsonDocument FromBatch(AcceptedBatch batch)
    {
        var requests = new BsonArray();
        foreach (SignedRequest request in batch.Requests)
        {
            requests.Add(new BsonDocument
            {
                [PublicKey] = request.PublicKey,
                [SignedBytes] = request.SignedBytes,
                [Signature] = request.Signature,
            });
        }

        return new BsonDocument
        {
            [Id] = batch.BatchId,
            [FirstLeafIndex] = Key(batch.FirstLeafIndex),
            [LeafCount] = batch.Leaves.Count,
            [AcceptedAtMs] = batch.AcceptedAtMs,
            [PromiseNote] = batch.PromiseNote,
            [Requests] = requests,
        };
    }

    public static StoredBatch ToBatch(BsonDocument document) => new(
        document[Id].AsInt64,
        (ulong)document[FirstLeafIndex].AsInt64,
        document[LeafCount].AsInt32,
        document[AcceptedAtMs].AsInt64,
        document[PromiseNote].AsString);

    public static BsonDocument FromSubtree(SubtreeHash subtree) => new()
    {
        [Id] = SubtreeKey.Pack(subtree.Level, subtree.Index),
        [Hash] = Binary(subtree.Hash),
    };

    public static BsonDocument FromCheckpoint(StoredCheckpoint checkpoint) => new()
    {
        [Id] = Key(checkpoint.TreeSize),
        [Root] = Binary(checkpoint.Root),
        [Note] = checkpoint.Note,
        [SignedAtMs] = checkpoint.SignedAtMs,
    };

    public static StoredCheckpoint ToCheckpoint(BsonDocument document) => new(
        (ulong)document[Id].AsInt64,
        Digest.Read(document[Root].AsBinary),
        document[Note].AsString,
        document[SignedAtMs].AsInt64);

    public static BsonDocument FromAnchor(StoredAnchor anchor)
    {
        var document = new BsonDocument
        {
            [Id] = Key(anchor.TreeSize),
            [Root] = Binary(anchor.Root),
            ["chain"] = anchor.Chain,
            ["status"] = (int)anchor.Status,
            ["updatedAtMs"] = anchor.UpdatedAtMs,
        };
        if (anchor.Inclusion is ChainInclusion inclusion)
        {
            document["transactionHash"] = inclusion.TransactionHash;
            document["blockNumber"] = Key(inclusion.BlockNumber);
            document["blockHash"] = inclusion.BlockHash;
            document["blockTimestamp"] = Key(inclusion.BlockTimestamp);
        }

        return document;
    }

    public static StoredAnchor ToAnchor(BsonDocument document) => new(
        (ulong)document[Id].AsInt64,
        Digest.Read(document[Root].AsBinary),
        document["chain"].AsString,
        (AnchorStatus)document["status"].AsInt32,
        document.ContainsKey("transactionHash")
            ? new ChainInclusion(document["transactionHash"].AsString, (ulong)document["blockNumber"].AsInt64, document["blockHash"].AsString, (ulong)document["blockTimestamp"].AsInt64)
            : null,
        document["updatedAtMs"].AsInt64);
}
