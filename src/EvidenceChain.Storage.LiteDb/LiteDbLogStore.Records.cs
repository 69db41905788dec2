using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>Records behind record leaves, stored in the batch's transaction, and each party's trail of them.</summary>
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

    public IReadOnlyList<StoredRecord> ReadRecordsOfParty(string partyId, ulong fromLeafIndex, int limit)
    {
        ArgumentNullException.ThrowIfNull(partyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ulong leafCount = _current.LeafCount;
        var records = new List<StoredRecord>();
        foreach (BsonDocument entry in _recordParties.Query()
            .Where(BsonExpression.Create(Documents.IdBetween, RecordDocuments.PartyKey(partyId, fromLeafIndex), RecordDocuments.PartyKey(partyId, ulong.MaxValue)))
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

    private void InsertRecords(AcceptedBatch batch)
    {
        var records = new List<BsonDocument>();
        var entries = new List<BsonDocument>();
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
            entries.AddRange(leaf.Record.PartyIds.Distinct(StringComparer.Ordinal).Select(party => RecordDocuments.PartyEntry(party, leafIndex)));
        }

        if (records.Count > 0)
        {
            _records.InsertBulk(records);
            _recordParties.InsertBulk(entries);
        }
    }
}
