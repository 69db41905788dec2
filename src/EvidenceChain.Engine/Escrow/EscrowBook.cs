using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Engine.Escrow;

/// <summary>
/// The escrow ledger with its durability: one writer applies each batch to the ledger, writes it
/// as a ledger-batch record leaf of the evidence log (ledger-batch.md) through the log's group
/// commit, and answers only once that is on disk. The log is the ledger's only store: at start
/// every ledger-batch record is checked against its leaf and replayed, and must give back exactly
/// the results and balances it recorded.
/// </summary>
public sealed class EscrowBook
{
    /// <summary>How many records one replay read takes.</summary>
    private const int ReplayPageRecords = 256;

    private readonly EscrowLedger _ledger = new();
    private readonly Dictionary<AccountId, ulong> _lastBatchOfAccount = [];
    private readonly Dictionary<TransferId, Transfer> _transfers = [];
    private readonly Dictionary<TransferId, Transfer> _resolutions = [];
    private readonly Dictionary<UInt128, List<TransferId>> _byUserData128 = [];
    // The ledger is not thread-safe: batches are applied, and reads answered, one at a time. The
    // lock is held only while a batch is applied and its record queued, never across a write to disk.
    private readonly Lock _state = new();
    private readonly LogIntake _intake;
    private readonly TimeProvider _time;
    private readonly RandomSource _random;
    private ulong _lastBatchNumber;
    private volatile string? _fault;

    private EscrowBook(LogIntake intake, TimeProvider time, RandomSource random)
    {
        _intake = intake;
        _time = time;
        _random = random;
    }

    /// <summary>Set once a batch was applied but could not be stored: the book then refuses everything until a restart replays the log.</summary>
    public string? Fault => _fault;

    /// <summary>The number of the last committed batch (0 before the first).</summary>
    public ulong LastBatchNumber => _lastBatchNumber;

    public Account? FindAccount(AccountId id)
    {
        lock (_state)
        {
            return _ledger.FindAccount(id);
        }
    }

    public AccountBalance? BalanceOf(AccountId id)
    {
        lock (_state)
        {
            return _ledger.BalanceOf(id);
        }
    }

    public TransferState? StateOf(TransferId id)
    {
        lock (_state)
        {
            return _ledger.StateOf(id);
        }
    }

    /// <summary>The transfer with this id as it was received, if it succeeded; null otherwise.</summary>
    public Transfer? FindTransfer(TransferId id)
    {
        lock (_transfers)
        {
            return _transfers.GetValueOrDefault(id);
        }
    }

    /// <summary>The post or void that resolved the pending transfer with this id (a statement line's post carries its value date), or null while it is pending or if it never was.</summary>
    public Transfer? ResolutionOf(TransferId pendingId)
    {
        lock (_transfers)
        {
            return _resolutions.GetValueOrDefault(pendingId);
        }
    }

    /// <summary>The transfers that succeeded with this <c>UserData128</c> (a case's: its id), in the order applied; none for 0.</summary>
    public IReadOnlyList<TransferId> TransfersWithUserData128(UInt128 userData128)
    {
        lock (_transfers)
        {
            return _byUserData128.TryGetValue(userData128, out List<TransferId>? ids) ? [.. ids] : [];
        }
    }

    /// <summary>
    /// Optional hold on payouts (the bank desk's open incidents): given an <c>EscrowBank</c> account,
    /// the reason its payouts are held, or null. Consulted by <see cref="CreateTransfersAsync"/>,
    /// under the writer, before anything is applied: a batch holding a payout from a held account
    /// (<see cref="PayoutHoldRule.IsPayout"/>) is refused whole and nothing is stored.
    /// </summary>
    public Func<AccountId, string?>? PayoutHold { get; set; }

    /// <summary>
    /// Opens the book by replaying every ledger-batch record of <paramref name="store"/>: each must
    /// match its leaf, follow the previous batch's number, and give back exactly its recorded results
    /// and account snapshots.
    /// </summary>
    /// <exception cref="InvalidDataException">A record does not match its leaf or does not replay: the ledger would not be what was acknowledged.</exception>
    public static EscrowBook Open(ILogStore store, LogIntake intake, TimeProvider time, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(store);
        var book = new EscrowBook(intake, time, random);
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = store.ReadRecords(LeafType.LedgerBatch, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                book.Replay(stored, store.ReadLeaves(stored.LeafIndex, 1)[0]);
                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                return book;
            }
        }
    }

    /// <param name="actor">Who asks; null for the service itself.</param>
    /// <param name="accounts">1 to 8,190 accounts.</param>
    /// <param name="cancellationToken">Cancels the wait before the batch is applied.</param>
    /// <param name="alsoUnder">Further keys to keep the batch's record under (a case's: its statement carries its postings).</param>
    public Task<LedgerBatchOutcome> CreateAccountsAsync(Caller? actor, IReadOnlyList<Account> accounts, CancellationToken cancellationToken, IReadOnlyList<string>? alsoUnder = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return CommitAsync(actor, LedgerOperation.CreateAccounts, accounts, [], cancellationToken, alsoUnder: alsoUnder);
    }

    /// <param name="actor">Who asks; null for the service itself.</param>
    /// <param name="transfers">1 to 8,190 transfers.</param>
    /// <param name="cancellationToken">Cancels the wait before the batch is applied.</param>
    /// <param name="alsoUnder">Further keys to keep the batch's record under (a case's: its statement carries its postings).</param>
    public Task<LedgerBatchOutcome> CreateTransfersAsync(Caller? actor, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken, IReadOnlyList<string>? alsoUnder = null)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        return CommitAsync(actor, LedgerOperation.CreateTransfers, [], transfers, cancellationToken, holdPayouts: true, alsoUnder: alsoUnder);
    }

    /// <summary>
    /// Books transfers that record what the bank already did (statement lines): not subject to
    /// <see cref="PayoutHold"/>, since money the bank paid out has left whether or not it is held.
    /// </summary>
    internal Task<LedgerBatchOutcome> CreateStatementTransfersAsync(Caller? actor, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        return CommitAsync(actor, LedgerOperation.CreateTransfers, [], transfers, cancellationToken, holdPayouts: false);
    }

    private async Task<LedgerBatchOutcome> CommitAsync(
        Caller? actor, LedgerOperation operation, IReadOnlyList<Account> accounts, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken, bool holdPayouts = false, IReadOnlyList<string>? alsoUnder = null)
    {
        int count = operation == LedgerOperation.CreateAccounts ? accounts.Count : transfers.Count;
        if (count is 0 or > EscrowLedger.BatchEventsMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"a ledger batch holds 1 to {EscrowLedger.BatchEventsMax} events, not {count}");
        }

        // One batch at a time is applied and its record queued, in that order, so the order of the
        // records in the log is the order the ledger applied them and a replay gives the same state.
        // The next batch may be applied while this one's record is being written (the log commits
        // them in queue order, often in one fsync); each is answered only once its own is on disk.
        Task<ulong> stored;
        LedgerBatchOutcome outcome;
        cancellationToken.ThrowIfCancellationRequested();
        lock (_state)
        {
            if (_fault is not null)
            {
                throw new QueryException(QueryFailure.Unavailable, "the ledger is stopped after a storage failure; restart the service to replay it from the log: " + _fault);
            }

            if (holdPayouts && PayoutHold is { } hold)
            {
                foreach (Transfer transfer in transfers)
                {
                    if (PayoutHoldRule.IsPayout(transfer, _ledger.FindAccount(transfer.CreditAccountId)) && hold(transfer.CreditAccountId) is string reason)
                    {
                        throw new QueryException(QueryFailure.Held, $"payouts from escrow bank account {transfer.CreditAccountId.Value} are held ({reason}); transfer {transfer.Id.Value} and its batch were not applied");
                    }
                }
            }

            ulong batchNumber = _lastBatchNumber + 1;
            (IReadOnlyList<CreateAccountResult> accountResults, IReadOnlyList<CreateTransferResult> transferResults) = Apply(operation, accounts, transfers);
            IReadOnlyList<AccountSnapshot> touched = Snapshot(operation, accounts, accountResults, transfers, transferResults);
            CustodyParty? acting = actor is null ? null : CustodyParty.Create(actor.PartyId, _random);
            byte[] nonce = new byte[LedgerBatchRecord.NonceLengthBytes];
            _random(nonce);
            var record = new LedgerBatchRecord(
                nonce,
                _time.GetUtcNow().ToUnixTimeMilliseconds(),
                batchNumber,
                operation,
                (byte)(actor?.Role ?? 0),
                acting is null ? [] : Convert.FromHexString(acting.PartyId),
                acting is null ? [] : Digest.AsBytes(acting.Salt.Value).ToArray(),
                accounts,
                accountResults,
                transfers,
                transferResults,
                touched);
            byte[] bytes = record.Encode();
            try
            {
                stored = _intake.RecordAppliedAsync(
                    LeafOf(record, bytes, acting),
                    new LeafRecord(bytes, [
                        .. touched.Select(t => LeafRecord.AccountKey(t.Id.Value)),
                        .. acting is null ? [] : new[] { acting.PartyId },
                        .. (alsoUnder ?? []).Union(ResolvedCaseKeys(transfers, transferResults))]));
            }
            catch (QueryException e)
            {
                throw Stopped(e);
            }

            Committed(batchNumber, touched);
            outcome = new LedgerBatchOutcome(batchNumber, 0, accountResults, transferResults);
        }

        try
        {
            return outcome with { LeafIndex = await stored.ConfigureAwait(false) };
        }
        catch (Exception e) when (e is QueryException or IOException or InvalidOperationException)
        {
            throw Stopped(e);
        }
    }

    /// <summary>
    /// The ledger in memory is ahead of what is on disk: nothing more may be answered from it. A
    /// restart replays the log, without the batches that were not stored.
    /// </summary>
    private QueryException Stopped(Exception cause)
    {
        _fault ??= cause.Message;
        return new QueryException(QueryFailure.Unavailable, "the ledger batch could not be stored, and the ledger is stopped until a restart: " + cause.Message);
    }

    private void Replay(StoredRecord stored, byte[] leaf)
    {
        // Bank records (reconciliations, incidents, resolutions: bank-statement.md) share leaf type 3
        // under record_schema 2; they are about the ledger and move no balance, so the bank desk reads them.
        if (LeafEnvelope.TryDecodeRecord(leaf, LeafType.LedgerBatch, out RecordLeaf? bankLeaf).IsValid && bankLeaf!.RecordSchema == BankRecord.Schema)
        {
            return;
        }

        if (!LedgerBatchRecord.TryDecode(stored.Bytes, out LedgerBatchRecord? record, out string reason))
        {
            throw new InvalidDataException($"The ledger record of leaf {stored.LeafIndex} is not a canonical ledger batch record: {reason}.");
        }

        if (!LeafEnvelope.TryDecodeRecord(leaf, LeafType.LedgerBatch, out RecordLeaf? recordLeaf).IsValid
            || recordLeaf!.Record != new DigestPair(Digest.Read(SHA256.HashData(stored.Bytes)), Sm3.HashData(stored.Bytes))
            || recordLeaf.RecordedAtMs != record!.RecordedAtMs)
        {
            throw new InvalidDataException($"The ledger record of leaf {stored.LeafIndex} does not match its leaf in the log.");
        }

        if (record.BatchNumber != _lastBatchNumber + 1)
        {
            throw new InvalidDataException($"The ledger record of leaf {stored.LeafIndex} is batch {record.BatchNumber}, but batch {_lastBatchNumber + 1} comes next.");
        }

        (IReadOnlyList<CreateAccountResult> accountResults, IReadOnlyList<CreateTransferResult> transferResults) = Apply(record.Operation, record.Accounts, record.Transfers);
        IReadOnlyList<AccountSnapshot> touched = Snapshot(record.Operation, record.Accounts, accountResults, record.Transfers, transferResults);
        if (!accountResults.SequenceEqual(record.AccountResults) || !transferResults.SequenceEqual(record.TransferResults) || !touched.SequenceEqual(record.Touched))
        {
            throw new InvalidDataException($"Ledger batch {record.BatchNumber} (leaf {stored.LeafIndex}) replays to other results or balances than it recorded.");
        }

        Committed(record.BatchNumber, touched);
    }

    private (IReadOnlyList<CreateAccountResult>, IReadOnlyList<CreateTransferResult>) Apply(LedgerOperation operation, IReadOnlyList<Account> accounts, IReadOnlyList<Transfer> transfers)
    {
        if (operation == LedgerOperation.CreateAccounts)
        {
            return (_ledger.CreateAccounts(accounts), []);
        }

        IReadOnlyList<CreateTransferResult> results = _ledger.CreateTransfers(transfers);
        lock (_transfers)
        {
            for (int i = 0; i < transfers.Count; i++)
            {
                if (results[i] == CreateTransferResult.Ok)
                {
                    _transfers[transfers[i].Id] = transfers[i];
                    if (transfers[i].UserData128 != UInt128.Zero)
                    {
                        (CollectionsMarshal.GetValueRefOrAddDefault(_byUserData128, transfers[i].UserData128, out _) ??= []).Add(transfers[i].Id);
                    }

                    if ((transfers[i].Flags & (TransferFlags.PostPending | TransferFlags.VoidPending)) != 0)
                    {
                        _resolutions[transfers[i].PendingId] = transfers[i];
                    }
                }
            }
        }

        return ([], results);
    }

    /// <summary>Every account a batch created or moved, with its balances now and the batch that moved it before, by ascending id.</summary>
    private List<AccountSnapshot> Snapshot(
        LedgerOperation operation,
        IReadOnlyList<Account> accounts,
        IReadOnlyList<CreateAccountResult> accountResults,
        IReadOnlyList<Transfer> transfers,
        IReadOnlyList<CreateTransferResult> transferResults)
    {
        var ids = new SortedSet<UInt128>();
        if (operation == LedgerOperation.CreateAccounts)
        {
            for (int i = 0; i < accounts.Count; i++)
            {
                if (accountResults[i] == CreateAccountResult.Ok)
                {
                    ids.Add(accounts[i].Id.Value);
                }
            }
        }
        else
        {
            for (int i = 0; i < transfers.Count; i++)
            {
                if (transferResults[i] == CreateTransferResult.Ok)
                {
                    ids.Add(transfers[i].DebitAccountId.Value);
                    ids.Add(transfers[i].CreditAccountId.Value);
                }
            }
        }

        return [.. ids.Select(id => new AccountSnapshot(
            new AccountId(id),
            _lastBatchOfAccount.GetValueOrDefault(new AccountId(id)),
            _ledger.BalanceOf(new AccountId(id)) ?? throw new InvalidOperationException($"Account {id} was moved but does not exist.")))];
    }

    private void Committed(ulong batchNumber, IReadOnlyList<AccountSnapshot> touched)
    {
        _lastBatchNumber = batchNumber;
        foreach (AccountSnapshot snapshot in touched)
        {
            _lastBatchOfAccount[snapshot.Id] = batchNumber;
        }
    }

    /// <summary>
    /// The case keys of the pending transfers a batch posted or voided: by DOMAIN.md §6.3 a case's
    /// transfers carry its id in <c>user_data_128</c>, so the bank's statement line that posts a case's
    /// deposit or payout is kept under the case too, and its statement carries it.
    /// </summary>
    private IEnumerable<string> ResolvedCaseKeys(IReadOnlyList<Transfer> transfers, IReadOnlyList<CreateTransferResult> results)
    {
        lock (_transfers)
        {
            return [.. transfers
                .Where((t, i) => results[i] == CreateTransferResult.Ok && (t.Flags & (TransferFlags.PostPending | TransferFlags.VoidPending)) != 0)
                .Select(t => _transfers.TryGetValue(t.PendingId, out Transfer? pending) ? pending.UserData128 : UInt128.Zero)
                .Where(link => link != UInt128.Zero)
                .Distinct()
                .Select(LeafRecord.CaseKey)];
        }
    }

    private static RecordLeaf LeafOf(LedgerBatchRecord record, byte[] bytes, CustodyParty? actor) =>
        RecordLeaf.Over(LeafType.LedgerBatch, LedgerBatchRecord.Schema, record.RecordedAtMs, bytes, actor is null ? [] : [actor.Commitment()]);
}
