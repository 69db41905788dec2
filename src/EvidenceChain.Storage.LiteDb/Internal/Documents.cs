using System.Globalization;
using EvidenceChain.Core.Access;
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
    public const string BatchLeafHashes = "batchLeafHashes";
    public const string Subtrees = "subtrees";
    public const string Checkpoints = "checkpoints";
    public const string Anchors = "anchors";
    public const string AnchorTargets = "anchorTargets";
    public const string Parties = "parties";

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
    public const string RequestKeyAlgorithm = "keyAlgorithm";
    public const string RequestSm2UserId = "sm2UserId";
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
    public const string AnchorStatus = "status";
    public const string KeyFingerprints = "keyFingerprints";
    public const string KeyFingerprintsExpression = "$.keys[*].fingerprint";
    public const string KeyFingerprintContains = "$.keys[*].fingerprint ANY = @0";

    public const int SingleDocumentId = 1;

    // Queries take their values as parameters: LiteDB compiles each distinct expression text
    // once and caches it for good, so a value written into the text (as Query.EQ does) costs a
    // compilation (about a millisecond) per lookup and grows the cache without bound.
    public const string LeafHashEquals = "$." + LeafHash + " = @0";
    public const string DedupeKeyEquals = "$." + DedupeKey + " = @0";
    public const string DedupeKeyIn = "$." + DedupeKey + " IN @0";
    public const string IdBetween = Id + " BETWEEN @0 AND @1";
    public const string IdAtLeast = Id + " >= @0";
    public const string AnchorStatusBelow = "$." + AnchorStatus + " < @0";

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

        // The link from a leaf to the signed request that asked for it: who deposited it.
        [RequestNumber] = leaf.RequestNumber,
    };

    public static StoredLeaf ToLeaf(BsonDocument document) => new(
        (ulong)document[Id].AsInt64,
        document[Leaf].AsBinary,
        Digest.Read(document[LeafHash].AsBinary),
        document[BatchId].AsInt64,
        document[BatchIndex].AsInt32,
        document[RequestNumber].AsInt32);

    public static BsonDocument FromBatch(AcceptedBatch batch)
    {
        var requests = new BsonArray();
        foreach (SignedRequest request in batch.Requests)
        {
            var document = new BsonDocument
            {
                [PublicKey] = request.PublicKey,
                [SignedBytes] = request.SignedBytes,
                [Signature] = request.Signature,
            };

            // Ed25519 requests keep their old shape: a request without these fields is Ed25519.
            if (request.KeyAlgorithm != PartyKeyAlgorithm.Ed25519)
            {
                document[RequestKeyAlgorithm] = (int)request.KeyAlgorithm;
                document[RequestSm2UserId] = request.Sm2UserId ?? [];
            }

            requests.Add(document);
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

    /// <summary>A batch's leaf hashes in batch order, 32 bytes each, kept apart from the batch so a receipt reads them alone.</summary>
    public static BsonDocument FromBatchLeafHashes(AcceptedBatch batch)
    {
        byte[] hashes = new byte[batch.Leaves.Count * Digest.SizeInBytes];
        for (int i = 0; i < batch.Leaves.Count; i++)
        {
            batch.Leaves[i].LeafHash.CopyTo(hashes.AsSpan(i * Digest.SizeInBytes));
        }

        return new BsonDocument { [Id] = batch.BatchId, [Hash] = hashes };
    }

    public static Digest[] ToBatchLeafHashes(BsonDocument document)
    {
        byte[] hashes = document[Hash].AsBinary;
        var digests = new Digest[hashes.Length / Digest.SizeInBytes];
        for (int i = 0; i < digests.Length; i++)
        {
            digests[i] = Digest.Read(hashes.AsSpan(i * Digest.SizeInBytes, Digest.SizeInBytes));
        }

        return digests;
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

    /// <summary>
    /// An anchor's document. Its key names the target and the tree size, so the same checkpoint can
    /// be anchored again on a chain that replaced a lost one. Wei amounts are decimal strings
    /// (BSON has no unsigned 64-bit integer); byte strings are binaries.
    /// </summary>
    public static BsonDocument FromAnchor(StoredAnchor anchor)
    {
        var document = new BsonDocument
        {
            [Id] = AnchorKey(anchor.Target, anchor.TreeSize),
            ["treeSize"] = Key(anchor.TreeSize),
            [Root] = Binary(anchor.Root),
            ["target"] = new BsonDocument
            {
                ["kind"] = anchor.Target.Kind,
                ["chainId"] = anchor.Target.ChainId,
                ["contract"] = anchor.Target.Contract,
                ["genesisHash"] = anchor.Target.GenesisHash,
            },
            [AnchorStatus] = (int)anchor.Status,
            ["attempts"] = new BsonArray(anchor.Attempts.Select(a => new BsonDocument
            {
                ["transactionHash"] = a.TransactionHash,
                ["nonce"] = Key(a.Nonce),
                ["signedTransaction"] = a.SignedTransaction,
                ["gas"] = Key(a.Gas),
                ["maxFeePerGas"] = a.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
                ["maxPriorityFeePerGas"] = a.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
                ["sentAtMs"] = a.SentAtMs,
            })),
            ["updatedAtMs"] = anchor.UpdatedAtMs,
        };
        if (anchor.Inclusion is ChainInclusion inclusion)
        {
            document["inclusion"] = new BsonDocument
            {
                ["transactionHash"] = inclusion.TransactionHash,
                ["transactionIndex"] = Key(inclusion.TransactionIndex),
                ["blockNumber"] = Key(inclusion.BlockNumber),
                ["blockHash"] = inclusion.BlockHash,
                ["blockTimestamp"] = Key(inclusion.BlockTimestamp),
                ["logIndex"] = Key(inclusion.LogIndex),
            };
        }

        if (anchor.Proof is InclusionProof proof)
        {
            document["proof"] = new BsonDocument
            {
                ["blockHeader"] = new BsonValue(proof.BlockHeader),
                ["receiptProof"] = new BsonArray(proof.ReceiptProof.Select(node => new BsonValue(node))),
            };
        }

        return document;
    }

    public static StoredAnchor ToAnchor(BsonDocument document)
    {
        BsonDocument target = document["target"].AsDocument;
        return new StoredAnchor(
            (ulong)document["treeSize"].AsInt64,
            Digest.Read(document[Root].AsBinary),
            new AnchorTarget(target["kind"].AsString, target["chainId"].AsInt64, target["contract"].AsString, target["genesisHash"].AsString),
            (Engine.Ports.AnchorStatus)document[AnchorStatus].AsInt32,
            [.. document["attempts"].AsArray.Select(a => new AnchorAttempt(
                a["transactionHash"].AsString,
                (ulong)a["nonce"].AsInt64,
                a["signedTransaction"].AsString,
                (ulong)a["gas"].AsInt64,
                ulong.Parse(a["maxFeePerGas"].AsString, CultureInfo.InvariantCulture),
                ulong.Parse(a["maxPriorityFeePerGas"].AsString, CultureInfo.InvariantCulture),
                a["sentAtMs"].AsInt64))],
            document.TryGetValue("inclusion", out BsonValue inclusion)
                ? new ChainInclusion(
                    inclusion["transactionHash"].AsString,
                    (ulong)inclusion["transactionIndex"].AsInt64,
                    (ulong)inclusion["blockNumber"].AsInt64,
                    inclusion["blockHash"].AsString,
                    (ulong)inclusion["blockTimestamp"].AsInt64,
                    (ulong)inclusion["logIndex"].AsInt64)
                : null,
            document.TryGetValue("proof", out BsonValue proof)
                ? new InclusionProof(proof["blockHeader"].AsBinary, [.. proof["receiptProof"].AsArray.Select(node => node.AsBinary)])
                : null,
            document["updatedAtMs"].AsInt64);
    }

    /// <summary>A target's document: its key is the prefix of its anchors' keys.</summary>
    public static BsonDocument FromAnchorTarget(AnchorTarget target) => new()
    {
        [Id] = AnchorTargetKey(target),
        ["kind"] = target.Kind,
        ["chainId"] = target.ChainId,
        ["contract"] = target.Contract,
        ["genesisHash"] = target.GenesisHash,
    };

    public static AnchorTarget ToAnchorTarget(BsonDocument document) =>
        new(document["kind"].AsString, document["chainId"].AsInt64, document["contract"].AsString, document["genesisHash"].AsString);

    /// <summary>
    /// Anchor keys sort by target, then by tree size (20 digits, zero-padded): the anchors of one
    /// target from a size on are a range of the primary index.
    /// </summary>
    public static string AnchorKey(AnchorTarget target, ulong treeSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{AnchorTargetKey(target)}{treeSize:D20}");

    public static string AnchorTargetKey(AnchorTarget target) =>
        string.Create(CultureInfo.InvariantCulture, $"{target.Kind}:{target.ChainId}:{target.Contract}:{target.GenesisHash}:");

    /// <summary>
    /// A party with its keys (each with its algorithm, SM2 user ID and fingerprint, which is indexed)
    /// and revoked certificates. Keys stored before SM2 keys existed have no "algorithm" and no
    /// "sm2UserId": they are Ed25519 keys, and read as such.
    /// </summary>
    public static BsonDocument FromParty(Party party) => new()
    {
        [Id] = party.Id,
        ["role"] = (int)party.Role,
        ["displayName"] = party.DisplayName,
        ["canApprove"] = party.CanApprove,
        ["registeredAtMs"] = party.RegisteredAtMs,
        ["keys"] = new BsonArray(party.Keys.Select(k => new BsonDocument
        {
            ["algorithm"] = (int)k.Algorithm,
            ["publicKey"] = new BsonValue(k.PublicKey),
            ["sm2UserId"] = new BsonValue(k.Sm2UserId),
            ["fingerprint"] = Binary(k.Fingerprint),
            ["addedAtMs"] = k.AddedAtMs,
            ["revokedAtMs"] = k.RevokedAtMs is long revoked ? new BsonValue(revoked) : BsonValue.Null,
        })),
        ["revokedCertificates"] = new BsonArray(party.RevokedCertificates.Select(c => new BsonValue(c))),
        ["deactivatedAtMs"] = party.DeactivatedAtMs is long deactivated ? new BsonValue(deactivated) : BsonValue.Null,
    };

    public static Party ToParty(BsonDocument document) => new(
        document[Id].AsString,
        (PartyRole)document["role"].AsInt32,
        document["displayName"].AsString,
        document["canApprove"].AsBoolean,
        document["registeredAtMs"].AsInt64,
        [.. document["keys"].AsArray.Select(k => ToPartyKey(k.AsDocument))],
        [.. document["revokedCertificates"].AsArray.Select(c => c.AsString)],
        document["deactivatedAtMs"].IsNull ? null : document["deactivatedAtMs"].AsInt64);

    private static PartyKey ToPartyKey(BsonDocument key) => new(
        key["algorithm"].IsNull ? PartyKeyAlgorithm.Ed25519 : (PartyKeyAlgorithm)key["algorithm"].AsInt32,
        key["publicKey"].AsBinary,
        key["sm2UserId"].IsNull ? [] : key["sm2UserId"].AsBinary,
        key["addedAtMs"].AsInt64,
        key["revokedAtMs"].IsNull ? null : key["revokedAtMs"].AsInt64);
}
