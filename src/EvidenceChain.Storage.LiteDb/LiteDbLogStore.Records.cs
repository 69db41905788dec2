using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>
/// Records behind record leaves, stored in the batch's transaction, and each party's trail of them;
/// and the replay keys of stamped requests, so a signed request is taken once.
/// </summary>
public sealed partial class LiteDbLogStore
{
    public StoredRecord? FindRecord(ulong leafIndex)
    {
        if (leafIndex >= _current.LeafCount)
        {
            return null;
        }

        BsonDocument? document = _records.FindById(Documents.Key(leafIndex));
        return document is null ? null : RecordDocuments.ToRecord(document);
    }

    public IReadOnlyList<StoredRecord> ReadRecords(LeafType type, ulong fromLeafIndex, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadThrough(_recordTypes, RecordDocuments.TypeKey(type, fromLeafIndex), RecordDocuments.TypeKey(type, ulong.MaxValue), limit);
    }

    public IReadOnlyList<StoredRecord> ReadRecordsByKey(string key, ulong fromLeafIndex, int limit)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadThrough(_recordKeys, RecordDocuments.KeyEntryId(key, fromLeafIndex), RecordDocuments.KeyEntryId(key, ulong.MaxValue), limit);
    }

    /// <summary>The records an index collection lists between two keys, in log order; only those of returned writes.</summary>
    private List<StoredRecord> ReadThrough(ILiteCollection<BsonDocument> index, string fromKey, string toKey, int limit)
    {
        ulong leafCount = _current.LeafCount;
        var records = new List<StoredRecord>();
        foreach (BsonDocument entry in index.Query()
            .Where(BsonExpression.Create(Documents.IdBetween, fromKey, toKey))
            .OrderBy(Documents.Id)
            .Limit(limit)
            .ToEnumerable())
        {
            // A record of a batch whose write has not returned is not durable, so not there yet.
            ulong leafIndex = RecordDocuments.LeafIndexOf(entry);
            if (leafIndex < leafCount)
            {
                records.Add(FindRecord(leafIndex) ?? throw Error.Missing($"The record of leaf {leafIndex}"));
            }
        }

        return records;
    }

    public bool HasReplayKey(Digest replayKey) => _replayKeys.FindById(Documents.Binary(replayKey)) is not null;

    /// <summary>The replay keys of the batch's stamped requests, in the batch's transaction.</summary>
    private void InsertReplayKeys(AcceptedBatch batch)
    {
        var keys = batch.Requests.Where(r => r.ReplayKey is not null).Select(r => new BsonDocument { [Documents.Id] = Documents.Binary(r.ReplayKey!.Value) }).ToList();
        if (keys.Count > 0)
        {
            _replayKeys.InsertBulk(keys);
        }
    }

    private void InsertRecords(AcceptedBatch batch)
    {
        var records = new List<BsonDocument>();
        var entries = new List<BsonDocument>();
        var types = new List<BsonDocument>();
        for (int i = 0; i < batch.Leaves.Count; i++)
        {
            AcceptedLeaf leaf = batch.Leaves[i];
            if (leaf.Record is null)
            {
                continue;
            }

            ulong leafIndex = batch.FirstLeafIndex + (ulong)i;
            LeafEnvelope.TryReadType(leaf.Leaf, out LeafType type);
            records.Add(RecordDocuments.FromRecord(leafIndex, type, leaf.Record));
            types.Add(RecordDocuments.TypeEntry(type, leafIndex));
            entries.AddRange(leaf.Record.Keys.Distinct(StringComparer.Ordinal).Select(key => RecordDocuments.KeyEntry(key, leafIndex)));
        }

        if (records.Count > 0)
        {
            _records.InsertBulk(records);
            _recordTypes.InsertBulk(types);
            _recordKeys.InsertBulk(entries);
        }
    }
}
