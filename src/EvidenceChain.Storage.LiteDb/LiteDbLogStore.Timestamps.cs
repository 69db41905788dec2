using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Internal;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb;

/// <summary>Timestamp tokens over checkpoints, in the same store and with the same durability as the log.</summary>
public sealed partial class LiteDbLogStore
{
    /// <summary>Records a token durably (fsync before return).</summary>
    public void SaveTimestamp(StoredTimestamp timestamp)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentException.ThrowIfNullOrWhiteSpace(timestamp.Authority);
        lock (_writeLock)
        {
            StoreState state = WritableState();
            if (state.LatestCheckpoint is not StoredCheckpoint latest || timestamp.TreeSize > latest.TreeSize || _checkpoints.FindById(Documents.Key(timestamp.TreeSize)) is null)
            {
                throw Error.Rule($"There is no checkpoint of {timestamp.TreeSize} leaves to keep a timestamp token of.");
            }

            Write(StoreOperation.SaveTimestamp, state, () => _timestamps.Upsert(TimestampDocuments.FromTimestamp(timestamp)));
        }
    }

    public IReadOnlyList<StoredTimestamp> ReadTimestamps(ulong fromTreeSize, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return [.. _timestamps.Find(BsonExpression.Create(Documents.IdAtLeast, TimestampDocuments.Key(fromTreeSize, string.Empty)), limit: Math.Min(limit, ITimestampStore.TimestampsPerReadMax))
            .Select(TimestampDocuments.ToTimestamp)];
    }

    public ulong LatestTimestampedTreeSize() =>
        _timestamps.Find(Query.All(Documents.Id, Query.Descending), limit: 1).Select(d => TimestampDocuments.ToTimestamp(d).TreeSize).FirstOrDefault();
}
