using BenchmarkDotNet.Attributes;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// The escrow ledger's apply path, per transfer: full batches of 8,190 single-phase transfers
/// between 1,000 party accounts, a pending batch then its posts, and a batch's canonical record
/// (what is hashed and stored for its leaf). Ids keep growing across invocations, as in a real
/// ledger, so lookups run against a ledger that holds every earlier transfer.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LedgerBenchmarks
{
    private const int BatchSize = EscrowLedger.BatchEventsMax;
    private const int PartyAccounts = 1000;
    private const uint Cny = 1;

    private EscrowLedger _ledger = null!;
    private Transfer[] _batch = null!;
    private LedgerBatchRecord _record = null!;
    private ulong _nextId;

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new EscrowLedger();
        var accounts = new List<Account> { new(new AccountId(1), AccountKind.EscrowBank, Cny, 1) };
        accounts.AddRange(Enumerable.Range(0, PartyAccounts).Select(i => new Account(new AccountId((ulong)(100 + i)), AccountKind.Liability, Cny, 2)));
        _ledger.CreateAccounts(accounts);

        // Every party account holds plenty, so the measured transfers all succeed.
        _ledger.CreateTransfers([.. Enumerable.Range(0, PartyAccounts).Select(i => new Transfer(new TransferId((ulong)(1_000_000 + i)), new AccountId(1), new AccountId((ulong)(100 + i)), long.MaxValue / 4 / PartyAccounts, Cny, 1))]);
        _nextId = 10_000_000;
        _batch = new Transfer[BatchSize];
        Transfer[] sample = NextBatch(TransferFlags.None);
        _record = new LedgerBatchRecord(
            new byte[LedgerBatchRecord.NonceLengthBytes], 1, 1, LedgerOperation.CreateTransfers, 0, [], [], [], [], sample, [.. sample.Select(_ => CreateTransferResult.Ok)],
            [.. sample.SelectMany(t => new[] { t.DebitAccountId, t.CreditAccountId }).Distinct().OrderBy(id => id.Value).Select(id => new AccountSnapshot(id, 1, default))]);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int SingleBatchOf8190() => _ledger.CreateTransfers(NextBatch(TransferFlags.None)).Count;

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int PendingThenPost8190()
    {
        Transfer[] pending = NextBatch(TransferFlags.Pending);
        _ledger.CreateTransfers(pending);
        for (int i = 0; i < pending.Length; i++)
        {
            Transfer p = pending[i];
            _batch[i] = p with { Id = new TransferId(_nextId++), Flags = TransferFlags.PostPending, PendingId = p.Id };
        }

        return _ledger.CreateTransfers(_batch).Count;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int EncodeBatchRecord() => _record.Encode().Length;

    private Transfer[] NextBatch(TransferFlags flags)
    {
        var batch = new Transfer[BatchSize];
        for (int i = 0; i < batch.Length; i++)
        {
            ulong from = 100 + (_nextId % PartyAccounts);
            ulong to = 100 + ((_nextId + 1 + (ulong)i) % PartyAccounts);
            batch[i] = new Transfer(new TransferId(_nextId++), new AccountId(from), new AccountId(to == from ? 100 + ((to + 1 - 100) % PartyAccounts) : to), 1 + (i % 997), Cny, 1, flags);
        }

        return batch;
    }
}
