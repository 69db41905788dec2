using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow;

/// <summary>
/// Account statements: every ledger batch that created or moved an account, each with its leaf and
/// inclusion proof against the latest checkpoint, so a court follows the account's balances offline
/// (ledger-batch.md §Statement). Batches after the checkpoint come with the next one.
/// </summary>
public sealed class LedgerStatements(ILogStore store, LogQueries queries)
{
    /// <summary>
    /// The most record bytes one statement carries (unless its first record alone is larger): a batch
    /// record reaches about 1 MiB, and a statement's JSON doubles it in hex, so a page stays well
    /// inside a client's 32 MiB message.
    /// </summary>
    public const int RecordBytesMax = 8 * 1024 * 1024;

    /// <summary>
    /// The ledger batches of <paramref name="account"/> from leaf <paramref name="fromLeafIndex"/> on
    /// that the latest checkpoint includes: at most <paramref name="limit"/>, and no more than
    /// <see cref="RecordBytesMax"/> of records; the caller pages on from the last one's next leaf.
    /// </summary>
    public RecordStatement StatementOf(AccountId account, ulong fromLeafIndex, int limit)
    {
        if (limit is <= 0 or > RecordStatement.EntriesMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ask for 1 to {RecordStatement.EntriesMax} batches, not {limit}");
        }

        StoredCheckpoint checkpoint = queries.LatestCheckpoint();
        using MerkleHasher hasher = MerkleHasher.Create(queries.TreeHash);
        var entries = new List<RecordStatementEntry>();
        long recordBytes = 0;
        foreach (StoredRecord record in store.ReadRecordsByKey(LeafRecord.AccountKey(account.Value), fromLeafIndex, limit))
        {
            recordBytes += record.Bytes.Length;
            if (record.LeafIndex >= checkpoint.TreeSize || (recordBytes > RecordBytesMax && entries.Count > 0))
            {
                break;
            }

            Digest[] proof = SubtreeRanges.Resolve(hasher, store, ProofPlan.Inclusion(record.LeafIndex, checkpoint.TreeSize));
            entries.Add(new RecordStatementEntry(record.LeafIndex, store.ReadLeaves(record.LeafIndex, 1)[0], record.Bytes, proof));
        }

        return new RecordStatement(LeafRecord.AccountKey(account.Value), checkpoint.Note, entries);
    }
}
