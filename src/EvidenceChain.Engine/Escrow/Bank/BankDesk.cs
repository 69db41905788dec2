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

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>
/// The escrow ledger's bank side (docs/formats/bank-statement.md): imports statement lines into the
/// ledger through <see cref="EscrowBook"/> (each line under a transfer id derived from its bank
/// account and serial, so a re-import changes nothing), puts unmatched credits in suspense, records
/// unmatched debits as incidents, reconciles each escrow bank account's ledger balance with the
/// bank's closing balance as a notarized bank record, holds payouts from an account while an
/// incident on it is open, allocates bank interest, and exports payment instructions. Incidents,
/// resolutions and reconciliations are bank records (leaf type 3, record_schema 2), replayed at open.
/// </summary>
public sealed class BankDesk : IDisposable
{
    private const int ReplayPageRecords = 256;

    private readonly ILogStore _store;
    private readonly EscrowBook _book;
    private readonly LogIntake _intake;
    private readonly TimeProvider _time;
    private readonly RandomSource _random;
    private readonly BankDeskOptions _options;
    private readonly Dictionary<AccountId, string> _bankAccountNumbers;
    private readonly HashSet<AccountId> _bankAccounts;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _state = new();
    private readonly Dictionary<IncidentId, BankIncident> _incidents = [];
    private readonly HashSet<IncidentId> _open = [];
    private readonly Dictionary<IncidentId, ulong> _raisedAt = [];
    private readonly Dictionary<IncidentId, (IncidentResolution Resolution, ulong LeafIndex)> _resolutions = [];
    private readonly List<(Reconciliation Reconciliation, ulong LeafIndex)> _reconciliations = [];

    private BankDesk(ILogStore store, EscrowBook book, LogIntake intake, TimeProvider time, RandomSource random, BankDeskOptions options)
    {
        _store = store;
        _book = book;
        _intake = intake;
        _time = time;
        _random = random;
        _options = options;
        _bankAccountNumbers = options.BankAccounts.ToDictionary(p => p.Value, p => p.Key);
        _bankAccounts = [.. options.BankAccounts.Values];
    }

    /// <summary>The incidents still open, in the order they were raised.</summary>
    public IReadOnlyList<BankIncident> OpenIncidents
    {
        get
        {
            lock (_state)
            {
                return [.. _incidents.Values.Where(i => _open.Contains(i.Id))];
            }
        }
    }

    /// <summary>Every incident, open and resolved, in the order they were raised, with the leaves that raised and resolved them.</summary>
    public IReadOnlyList<BankIncidentStanding> Incidents
    {
        get
        {
            lock (_state)
            {
                return [.. _incidents.Values.Select(i => _resolutions.TryGetValue(i.Id, out (IncidentResolution Resolution, ulong LeafIndex) r)
                    ? new BankIncidentStanding(i, _raisedAt[i.Id], r.Resolution, r.LeafIndex)
                    : new BankIncidentStanding(i, _raisedAt[i.Id], null, null))];
            }
        }
    }

    /// <summary>How many escrow bank accounts differed in the latest recorded reconciliation; null before the first.</summary>
    public int? LatestReconciliationDifferingAccounts
    {
        get
        {
            lock (_state)
            {
                return _reconciliations.Count == 0 ? null : _reconciliations[^1].Reconciliation.Rows.Count(r => !r.IsBalanced);
            }
        }
    }

    /// <summary>Every recorded reconciliation with its leaf, in log order.</summary>
    public IReadOnlyList<(Reconciliation Reconciliation, ulong LeafIndex)> Reconciliations
    {
        get
        {
            lock (_state)
            {
                return [.. _reconciliations];
            }
        }
    }

    /// <summary>
    /// Opens the desk by replaying every bank record of <paramref name="store"/> (each checked against
    /// its leaf), and makes <paramref name="book"/> hold payouts from accounts with open incidents.
    /// </summary>
    /// <exception cref="InvalidDataException">A bank record does not match its leaf or is not canonical.</exception>
    public static BankDesk Open(ILogStore store, EscrowBook book, LogIntake intake, TimeProvider time, RandomSource random, BankDeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        var desk = new BankDesk(store, book, intake, time, random, options);
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = store.ReadRecords(LeafType.LedgerBatch, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                desk.Replay(stored, store.ReadLeaves(stored.LeafIndex, 1)[0]);
                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                break;
            }
        }

        book.PayoutHold = desk.HoldReason;
        return desk;
    }

    /// <summary>Why payouts from <paramref name="account"/> are held, or null when no incident on it is open.</summary>
    public string? HoldReason(AccountId account)
    {
        lock (_state)
        {
            BankIncident? open = _incidents.Values.FirstOrDefault(i => i.BankAccount == account && _open.Contains(i.Id));
            return open is null ? null : $"bank incident {open.Id.Value:x32} ({open.Cause}) is open";
        }
    }

    /// <summary>Reads a statement from <paramref name="source"/> and imports it; a malformed statement is refused whole.</summary>
    public async Task<(StatementCsvError? Error, IReadOnlyList<StatementLineOutcome> Lines)> ImportAsync(Caller? actor, IStatementSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        StatementParse parse = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        return parse.Statement is null ? (parse.Error, []) : (null, await ImportAsync(actor, parse.Statement, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Imports the statement's lines (its closing balances are for <see cref="ReconcileAsync"/>):
    /// each line once, by its bank account and serial.
    /// </summary>
    public async Task<IReadOnlyList<StatementLineOutcome>> ImportAsync(Caller? actor, Statement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcomes = new StatementLineOutcome?[statement.Lines.Count];
            var toBook = new List<(int Index, Transfer Transfer, LineDecision Decision)>();
            var toRaise = new List<(int Index, BankIncident Incident, LineDecision Decision)>();
            var seen = new Dictionary<TransferId, UInt128>();
            var claimed = new HashSet<TransferId>();
            for (int index = 0; index < statement.Lines.Count; index++)
            {
                StatementLine line = statement.Lines[index];
                if (!_options.BankAccounts.TryGetValue(line.BankAccount, out AccountId bankAccount))
                {
                    outcomes[index] = new StatementLineOutcome(line, StatementLineStatus.UnknownBankAccount, null, MatchFailure.None, default, null, null);
                    continue;
                }

                TransferId id = BankIds.LineTransferId(line.BankAccount, line.Serial);
                UInt128 digest = BankIds.LineDigest(line);
                UInt128? before = seen.TryGetValue(id, out UInt128 inImport) ? inImport : PreviousDigest(id);
                if (before is UInt128 previous)
                {
                    StatementLineStatus status = previous == digest ? StatementLineStatus.AlreadyImported : StatementLineStatus.DuplicateSerialWithDifferentContent;
                    outcomes[index] = new StatementLineOutcome(line, status, null, MatchFailure.None, id, null, null);
                    continue;
                }

                seen[id] = digest;

                // A pending transfer is matched by one line at most: a second line naming it in the same import finds it taken.
                LineDecision decision = StatementMatching.Decide(
                    line,
                    bankAccount,
                    named => !claimed.Contains(named) && _book.StateOf(named) == TransferState.Pending ? _book.FindTransfer(named) : null,
                    named => _book.StateOf(named) is not null || claimed.Contains(named));
                switch (decision.Disposition)
                {
                    case LineDisposition.PostNamedTransfer:
                        Transfer pending = decision.Named!;
                        claimed.Add(pending.Id);
                        toBook.Add((index, new Transfer(id, pending.DebitAccountId, pending.CreditAccountId, line.AmountFen, pending.Ledger, pending.Code, TransferFlags.PostPending, pending.Id, default, digest, BankRecord.DateNumber(line.ValueDate)), decision));
                        break;
                    case LineDisposition.CreditInterest:
                        toBook.Add((index, new Transfer(id, bankAccount, _options.InterestAccount, line.AmountFen, _options.Ledger, _options.InterestCode, UserData128: digest, UserData64: BankRecord.DateNumber(line.ValueDate)), decision));
                        break;
                    case LineDisposition.CreditSuspense:
                        toBook.Add((index, new Transfer(id, bankAccount, _options.SuspenseAccount, line.AmountFen, _options.Ledger, _options.SuspenseCode, UserData128: digest, UserData64: BankRecord.DateNumber(line.ValueDate)), decision));
                        break;
                    default:
                        toRaise.Add((index, new BankIncident(new IncidentId(id.Value), bankAccount, IncidentCause.UnmatchedDebit, decision.Failure, 0, line.ValueDate, line.AmountFen, digest, line.Serial), decision));
                        break;
                }
            }

            foreach ((int Index, Transfer Transfer, LineDecision Decision)[] chunk in toBook.Chunk(EscrowLedger.BatchEventsMax))
            {
                LedgerBatchOutcome batch = await _book.CreateStatementTransfersAsync(actor, [.. chunk.Select(c => c.Transfer)], cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < chunk.Length; i++)
                {
                    (int index, Transfer transfer, LineDecision decision) = chunk[i];
                    CreateTransferResult result = batch.TransferResults[i];
                    StatementLine line = statement.Lines[index];
                    if (result is CreateTransferResult.Ok or CreateTransferResult.Exists)
                    {
                        outcomes[index] = new StatementLineOutcome(line, StatementLineStatus.Booked, decision.Disposition, decision.Failure, transfer.Id, result, null);
                    }
                    else
                    {
                        // The bank moved money the ledger would not book: that is an incident on the account, with the ledger's reason.
                        toRaise.Add((index, new BankIncident(new IncidentId(transfer.Id.Value), _options.BankAccounts[line.BankAccount], IncidentCause.LineRefusedByLedger, decision.Failure, (byte)result, line.ValueDate, line.AmountFen, transfer.UserData128, line.Serial), decision));
                        outcomes[index] = new StatementLineOutcome(line, StatementLineStatus.IncidentRaised, decision.Disposition, decision.Failure, transfer.Id, result, new IncidentId(transfer.Id.Value));
                    }
                }
            }

            foreach ((int index, BankIncident incident, LineDecision decision) in toRaise)
            {
                await RecordAsync(actor, BankRecordKind.Incident, null, incident, null, cancellationToken).ConfigureAwait(false);
                outcomes[index] ??= new StatementLineOutcome(statement.Lines[index], StatementLineStatus.IncidentRaised, decision.Disposition, decision.Failure, new TransferId(incident.Id.Value), null, incident.Id);
            }

            return [.. outcomes.Select(o => o!)];
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Reconciles every escrow bank account for <paramref name="date"/>: its posted ledger balance
    /// against the statement's closing balance. The result is recorded as a bank record leaf; each
    /// account that differs gets an incident that holds its payouts until resolved. Run it after
    /// importing the day's lines and before importing a later day's.
    /// </summary>
    public async Task<ReconciliationOutcome> ReconcileAsync(Caller? actor, DateOnly date, IReadOnlyList<ClosingBalance> closings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closings);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var balances = _options.BankAccounts
                .Select(p => (p.Value, p.Key, _book.BalanceOf(p.Value) is AccountBalance b ? checked(b.DebitsPosted - b.CreditsPosted) : 0))
                .ToList();
            ReconciliationRefusal refusal = Reconciliation.TryCompare(date, balances, closings, out Reconciliation? reconciliation, out string refusedAccount);
            if (refusal != ReconciliationRefusal.None)
            {
                return new ReconciliationOutcome(refusal, refusedAccount, null, null, []);
            }

            ulong leafIndex = await RecordAsync(actor, BankRecordKind.Reconciliation, reconciliation, null, null, cancellationToken).ConfigureAwait(false);
            return new ReconciliationOutcome(
                ReconciliationRefusal.None,
                string.Empty,
                reconciliation,
                leafIndex,
                [.. reconciliation!.Rows.Where(r => !r.IsBalanced).Select(r => BankIds.ReconciliationIncidentId(r.Account, date, leafIndex))]);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Records the resolution of an open incident; payouts from its account resume when no other incident on it is open.</summary>
    /// <exception cref="QueryException">NotFound: no incident is open under this id.</exception>
    public async Task<ulong> ResolveAsync(Caller? actor, IncidentResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_state)
            {
                if (!_open.Contains(resolution.Id))
                {
                    throw new QueryException(QueryFailure.NotFound, $"no bank incident {resolution.Id.Value:x32} is open");
                }
            }

            return await RecordAsync(actor, BankRecordKind.Resolution, null, null, resolution, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Exports payment instructions for pending payouts: each must be a transfer still pending that
    /// credits a configured escrow bank account whose payouts are not held.
    /// </summary>
    /// <exception cref="QueryException">InvalidArgument: an order names no such pending payout; Conflict: its account is held.</exception>
    public async Task<IReadOnlyList<PaymentInstruction>> ExportInstructionsAsync(IReadOnlyList<PaymentOrder> orders, IPaymentInstructionSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(sink);
        var instructions = new List<PaymentInstruction>(orders.Count);
        foreach (PaymentOrder order in orders)
        {
            Transfer? pending = _book.StateOf(order.PendingId) == TransferState.Pending ? _book.FindTransfer(order.PendingId) : null;
            if (pending is null || !_bankAccountNumbers.TryGetValue(pending.CreditAccountId, out string? number))
            {
                throw new QueryException(QueryFailure.InvalidArgument, $"transfer {order.PendingId.Value:x32} is not a pending payout from an escrow bank account");
            }

            if (HoldReason(pending.CreditAccountId) is string reason)
            {
                throw new QueryException(QueryFailure.Held, $"payouts from escrow bank account {number} are held ({reason})");
            }

            instructions.Add(new PaymentInstruction(pending.Id, number, pending.AmountFen, order.PayeeAccount, order.PayeeName));
        }

        await sink.WriteAsync(instructions, cancellationToken).ConfigureAwait(false);
        return instructions;
    }

    /// <summary>
    /// Allocates one interest credit (a booked interest line's transfer) from the interest account to
    /// the recipients of <paramref name="claims"/>, by each sub-account's end-of-day balances from
    /// <paramref name="first"/> to <paramref name="last"/>, derived from its notarized history
    /// (<see cref="DailyBalances"/>), as one linked chain: all shares or none. Each share's transfer
    /// carries the interest transfer's id, the period's first day (yyyymmdd) and its length in days,
    /// so the allocation can be recomputed from the log. Idempotent: each share's transfer id derives
    /// from the interest transfer and the recipient.
    /// </summary>
    /// <exception cref="QueryException">InvalidArgument: not an interest credit, a period that is not 1 to 366 days or has not ended, or a claim that names no party sub-account.</exception>
    public async Task<InterestOutcome> AllocateInterestAsync(Caller? actor, TransferId interestTransfer, DateOnly first, DateOnly last, IReadOnlyList<InterestClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Transfer? interest = _book.FindTransfer(interestTransfer);
        if (interest is null || interest.CreditAccountId != _options.InterestAccount || interest.Flags != TransferFlags.None)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"transfer {interestTransfer.Value:x32} is not bank interest credited to the interest account");
        }

        int days = last.DayNumber - first.DayNumber + 1;
        if (days is < 1 or > InterestAllocation.PeriodDaysMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"an interest period is 1 to {InterestAllocation.PeriodDaysMax} days from its first day to its last, not {days}");
        }

        if (DailyBalances.DayOf(_time.GetUtcNow().ToUnixTimeMilliseconds()) <= last)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"the period's last day, {last:yyyy-MM-dd}, has not ended (China Standard Time), so its balances are not final");
        }

        foreach (InterestClaim claim in claims)
        {
            RequireSubAccount(claim.SubAccount, "sub-account");
            if (claim.Rule == InterestRule.ToPayee)
            {
                RequireSubAccount(claim.Payee, "payee");
            }
        }

        InterestWeight[] weights = [.. claims.Select(c => new InterestWeight(
            c.SubAccount,
            c.Recipient,
            DailyBalances.EndOfDay(DailyBalances.PostedChanges(c.SubAccount, HistoryOf(c.SubAccount), _bankAccounts), first, last)))];
        InterestAllocationRefusal refusal = InterestAllocation.TryAllocate(interest.AmountFen, weights, out InterestAllocation? allocation);
        if (refusal != InterestAllocationRefusal.None)
        {
            return new InterestOutcome(refusal, weights, null, null);
        }

        IReadOnlyList<(AccountId Recipient, long AmountFen)> shares = allocation!.ByRecipient();
        if (shares.Count == 0)
        {
            return new InterestOutcome(refusal, weights, allocation, null);
        }

        Transfer[] transfers = [.. shares.Select((s, i) => new Transfer(
            BankIds.InterestShareId(interestTransfer, s.Recipient),
            _options.InterestAccount,
            s.Recipient,
            s.AmountFen,
            _options.Ledger,
            _options.InterestCode,
            i < shares.Count - 1 ? TransferFlags.Linked : TransferFlags.None,
            UserData128: interestTransfer.Value,
            UserData64: BankRecord.DateNumber(first),
            UserData32: (uint)days))];
        LedgerBatchOutcome batch = await _book.CreateTransfersAsync(actor, transfers, cancellationToken).ConfigureAwait(false);
        return new InterestOutcome(refusal, weights, allocation, batch);
    }

    public void Dispose() => _writer.Dispose();

    private void RequireSubAccount(AccountId id, string what)
    {
        Account? account = _book.FindAccount(id);
        if (account is null || account.Kind != AccountKind.Liability || account.Ledger != _options.Ledger || id == _options.InterestAccount)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"the {what} {id.Value:x32} is not a party sub-account (a liability account of ledger {_options.Ledger} other than the interest account)");
        }
    }

    /// <summary>The ledger batches that created or moved <paramref name="account"/>, in order, from the records beside the log.</summary>
    private IEnumerable<LedgerBatchRecord> HistoryOf(AccountId account)
    {
        string key = LeafRecord.AccountKey(account.Value);
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = _store.ReadRecordsByKey(key, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                yield return LedgerBatchRecord.TryDecode(stored.Bytes, out LedgerBatchRecord? record, out string reason)
                    ? record!
                    : throw new InvalidDataException($"The ledger batch record of leaf {stored.LeafIndex} is not canonical: {reason}.");
                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                yield break;
            }
        }
    }

    private UInt128? PreviousDigest(TransferId id)
    {
        if (_book.FindTransfer(id) is Transfer booked)
        {
            return booked.UserData128;
        }

        lock (_state)
        {
            return _incidents.TryGetValue(new IncidentId(id.Value), out BankIncident? incident) ? incident.LineDigest : null;
        }
    }

    private async Task<ulong> RecordAsync(Caller? actor, BankRecordKind kind, Reconciliation? reconciliation, BankIncident? incident, IncidentResolution? resolution, CancellationToken cancellationToken)
    {
        CustodyParty? acting = actor is null ? null : CustodyParty.Create(actor.PartyId, _random);
        byte[] nonce = new byte[BankRecord.NonceLengthBytes];
        _random(nonce);
        var record = new BankRecord(
            nonce,
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            kind,
            (byte)(actor?.Role ?? 0),
            acting is null ? [] : Convert.FromHexString(acting.PartyId),
            acting is null ? [] : Digest.AsBytes(acting.Salt.Value).ToArray(),
            reconciliation,
            incident,
            resolution);
        byte[] bytes = record.Encode();
        RecordLeaf leaf = RecordLeaf.Over(LeafType.LedgerBatch, BankRecord.Schema, record.RecordedAtMs, bytes, acting is null ? [] : [acting.Commitment()]);

        // Written before it takes effect: an incident holds payouts, and a resolution releases them,
        // only once the record is durable, so a restart replays exactly what was answered.
        ulong leafIndex = await _intake.RecordAsync(leaf, new LeafRecord(bytes, acting is null ? [] : [acting.PartyId]), cancellationToken).ConfigureAwait(false);
        Apply(record, leafIndex);
        return leafIndex;
    }

    private void Replay(StoredRecord stored, byte[] leaf)
    {
        if (!LeafEnvelope.TryDecodeRecord(leaf, LeafType.LedgerBatch, out RecordLeaf? recordLeaf).IsValid || recordLeaf!.RecordSchema != BankRecord.Schema)
        {
            return;
        }

        if (!BankRecord.TryDecode(stored.Bytes, out BankRecord? record, out string reason))
        {
            throw new InvalidDataException($"The bank record of leaf {stored.LeafIndex} is not canonical: {reason}.");
        }

        if (recordLeaf.Record != new DigestPair(Digest.Read(SHA256.HashData(stored.Bytes)), Sm3.HashData(stored.Bytes)) || recordLeaf.RecordedAtMs != record!.RecordedAtMs)
        {
            throw new InvalidDataException($"The bank record of leaf {stored.LeafIndex} does not match its leaf in the log.");
        }

        Apply(record, stored.LeafIndex);
    }

    private void Apply(BankRecord record, ulong leafIndex)
    {
        lock (_state)
        {
            switch (record.Kind)
            {
                case BankRecordKind.Reconciliation:
                    Reconciliation reconciliation = record.Reconciliation!;
                    _reconciliations.Add((reconciliation, leafIndex));
                    foreach (ReconciliationRow row in reconciliation.Rows.Where(r => !r.IsBalanced))
                    {
                        IncidentId id = BankIds.ReconciliationIncidentId(row.Account, reconciliation.Date, leafIndex);
                        _incidents[id] = new BankIncident(id, row.Account, IncidentCause.ReconciliationDifference, MatchFailure.None, 0, reconciliation.Date, row.DifferenceFen, 0, string.Empty);
                        _raisedAt[id] = leafIndex;
                        _open.Add(id);
                    }

                    break;
                case BankRecordKind.Incident:
                    if (_incidents.TryAdd(record.Incident!.Id, record.Incident))
                    {
                        _raisedAt[record.Incident.Id] = leafIndex;
                    }

                    _open.Add(record.Incident.Id);
                    break;
                default:
                    _open.Remove(record.Resolution!.Id);
                    _resolutions[record.Resolution.Id] = (record.Resolution, leafIndex);
                    break;
            }
        }
    }
}
