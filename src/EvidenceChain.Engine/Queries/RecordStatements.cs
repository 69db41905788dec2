using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Engine.Queries;

/// <summary>
/// Statements of the records kept beside the log under one key (record-statement.md): a ledger
/// account's batches (<see cref="LeafRecord.AccountKey"/>, ledger-batch.md §Statement), a case's
/// opening, transitions and artefacts (<see cref="LeafRecord.CaseKey"/>), each with its leaf and
/// inclusion proof against the latest checkpoint, so a court follows them offline. Records after the
/// checkpoint come with the next one.
/// </summary>
public sealed class RecordStatements(ILogStore store, LogQueries queries)
{
    /// <summary>
    /// The most record bytes one statement carries (unless its first record alone is larger): a batch
    /// record reaches about 1 MiB, and a statement's JSON doubles it in hex, so a page stays well
    /// inside a client's 32 MiB message.
    /// </summary>
    public const int RecordBytesMax = 8 * 1024 * 1024;

    /// <summary>
    /// The records kept under <paramref name="key"/> from leaf <paramref name="fromLeafIndex"/> on that
    /// the latest checkpoint includes (or <paramref name="at"/>, one of the log's checkpoints, so that
    /// pages of one history are against one tree): at most <paramref name="limit"/>, and no more than
    /// <see cref="RecordBytesMax"/> of records; the caller pages on from the last one's next leaf.
    /// </summary>
    public RecordStatement StatementOf(string key, ulong fromLeafIndex, int limit, StoredCheckpoint? at = null)
    {
        if (limit is <= 0 or > RecordStatement.EntriesMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ask for 1 to {RecordStatement.EntriesMax} records, not {limit}");
        }

        StoredCheckpoint checkpoint = at ?? queries.LatestCheckpoint();
        using MerkleHasher hasher = OpenSslSha256MerkleHasher.FastestFor(queries.TreeHash);
        var entries = new List<RecordStatementEntry>();
        long recordBytes = 0;
        foreach (StoredRecord record in store.ReadRecordsByKey(key, fromLeafIndex, limit))
        {
            recordBytes += record.Bytes.Length;
            if (record.LeafIndex >= checkpoint.TreeSize || (recordBytes > RecordBytesMax && entries.Count > 0))
            {
                break;
            }

            Digest[] proof = SubtreeRanges.Resolve(hasher, store, ProofPlan.Inclusion(record.LeafIndex, checkpoint.TreeSize));
            entries.Add(new RecordStatementEntry(record.LeafIndex, store.ReadLeaves(record.LeafIndex, 1)[0], record.Bytes, proof));
        }

        return new RecordStatement(key, checkpoint.Note, entries);
    }
}
