using System.Security.Cryptography;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Cases;

/// <summary>
/// Runs 带押过户 cases (docs/cases.md) and 带封过户 cases (docs/sealed-sale.md) on the escrow ledger:
/// opens them, records their evidence artefacts, and applies events through the pure
/// <see cref="MortgageRules"/> and <see cref="SealedSaleRules"/>. An accepted event's
/// accounts and transfers are booked first (their ids derive from the case and step, so a retry
/// after a crash meets their fixed outcomes and pays nothing twice), then its transition is recorded
/// as a case leaf; the case in memory moves only once that leaf is durable. At open every case
/// record is checked against its leaf and replayed.
/// </summary>
public sealed partial class CaseDesk : IDisposable
{
    private const int ReplayPageRecords = 256;

    private readonly ILogStore _store;
    private readonly LogIntake _intake;
    private readonly LogQueries _queries;
    private readonly EscrowBook _book;
    private readonly PartyRegistry _parties;
    private readonly TimeProvider _time;
    private readonly RandomSource _random;
    private readonly WorkingDayCalendar _calendar;
    private readonly bool _titleLockRequired;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _state = new();
    private readonly Dictionary<CaseId, OpenCase> _cases = [];

    private CaseDesk(ILogStore store, LogIntake intake, LogQueries queries, EscrowBook book, PartyRegistry parties, TimeProvider time, RandomSource random, WorkingDayCalendar calendar, bool titleLockRequired)
    {
        _titleLockRequired = titleLockRequired;
        _store = store;
        _intake = intake;
        _queries = queries;
        _book = book;
        _parties = parties;
        _time = time;
        _random = random;
        _calendar = calendar;
    }

    /// <summary>
    /// Opens the desk by replaying every case record of the log, each checked against its leaf.
    /// <paramref name="titleLockRequired"/> is the deployment's switch: every case must lock the
    /// title before any payoff (the default), whatever its agreement says.
    /// </summary>
    /// <exception cref="InvalidDataException">A record does not match its leaf, is not canonical, or does not follow its case.</exception>
    public static CaseDesk Open(ILogStore store, LogIntake intake, LogQueries queries, EscrowBook book, PartyRegistry parties, TimeProvider time, RandomSource random, WorkingDayCalendar calendar, bool titleLockRequired = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        var desk = new CaseDesk(store, intake, queries, book, parties, time, random, calendar, titleLockRequired);
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = store.ReadRecords(LeafType.CaseTransition, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                switch (CheckedSchema(stored, store.ReadLeaves(stored.LeafIndex, 1)[0]))
                {
                    case CaseRecord.Schema:
                        desk.Replay(Decoded<CaseRecord>(stored, CaseRecord.TryDecode), stored.LeafIndex);
                        break;
                    case SealedSaleRecord.Schema:
                        desk.Replay(Decoded<SealedSaleRecord>(stored, SealedSaleRecord.TryDecode), stored.LeafIndex);
                        break;
                }

                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                return desk;
            }
        }
    }

    /// <summary>A case and how it was opened, or null.</summary>
    public (CaseOpening Opening, MortgageCase Case, long OpenedAtMs)? Find(CaseId id)
    {
        lock (_state)
        {
            return _cases.TryGetValue(id, out OpenCase? open) && open.Case is MortgageCase found ? (open.Opening, found, open.OpenedAtMs) : null;
        }
    }

    /// <summary>
    /// The case's transfers the ledger booked but no recorded transition names: a crash came between
    /// booking an event's postings and recording its transition. Applying the same event again
    /// records it (its transfers meet their fixed outcomes); until then the ledger is ahead of the case.
    /// </summary>
    public IReadOnlyList<TransferId> UnrecordedTransfers(CaseId id)
    {
        lock (_state)
        {
            return _cases.TryGetValue(id, out OpenCase? open)
                ? [.. _book.TransfersWithUserData128(id.Value).Where(t => !open.RecordedTransfers.Contains(t))]
                : [];
        }
    }

    /// <summary>Every 带押过户 case, in the order opened.</summary>
    public IReadOnlyList<(CaseOpening Opening, MortgageCase Case)> List()
    {
        lock (_state)
        {
            return [.. _cases.Values.Where(c => c.Case is not null).OrderBy(c => c.OpenedLeafIndex).Select(c => (c.Opening, c.Case!))];
        }
    }

    /// <summary>Whether a case of either kind is open under <paramref name="id"/>.</summary>
    public bool Exists(CaseId id)
    {
        lock (_state)
        {
            return _cases.ContainsKey(id);
        }
    }

    /// <summary>Opens a case in <see cref="MortgageState.Draft"/>, recorded as a case leaf.</summary>
    /// <exception cref="QueryException">InvalidArgument: a malformed opening or an account that is not an escrow bank account of its ledger; Conflict: the id is taken.</exception>
    public async Task<ulong> OpenCaseAsync(Caller actor, CaseOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (opening.Problem() is string problem)
        {
            throw new QueryException(QueryFailure.InvalidArgument, problem);
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CheckOpening(opening);
            (CaseRecord record, ulong leafIndex) = await RecordAsync(actor, opening, null).ConfigureAwait(false);
            Replay(record, leafIndex);
            return leafIndex;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Records an artefact of a case (docs/formats/case-artefact.md), once its signature checks out
    /// against the signer's registered key; a guard may use it once a signed checkpoint includes it.
    /// </summary>
    /// <exception cref="QueryException">NotFound: no such case; InvalidArgument: not signed by a registered key of its signer.</exception>
    public async Task<ulong> RecordArtefactAsync(Caller actor, CaseArtefact artefact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(artefact);
        if (!Exists(artefact.CaseId))
        {
            throw new QueryException(QueryFailure.NotFound, $"there is no case {artefact.CaseId}");
        }

        PartyKey? key = _parties.Find(artefact.SignerPartyId)?.Keys.FirstOrDefault(k => k.Fingerprint == artefact.SignerKeyFingerprint);
        if (key is null || !key.Verify(artefact.SignedBytes(), artefact.Signature))
        {
            throw new QueryException(QueryFailure.InvalidArgument, key is null
                ? $"party {artefact.SignerPartyId} has no registered key {artefact.SignerKeyFingerprint.ToHex()}"
                : "the artefact's signature is not its signer key's over it");
        }

        byte[] bytes = artefact.Encode();
        CustodyParty acting = CustodyParty.Create(actor.PartyId, _random);
        long recordedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        RecordLeaf leaf = RecordLeaf.Over(LeafType.CaseTransition, CaseArtefact.Schema, recordedAtMs, bytes, [acting.Commitment()]);
        return await _intake.RecordAsync(leaf, new LeafRecord(bytes, [LeafRecord.CaseKey(artefact.CaseId.Value), actor.PartyId]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What <paramref name="command"/> would do now, booking nothing: its refusal, or its transfers and the payouts to approve.</summary>
    /// <exception cref="QueryException">NotFound: no such case; InvalidArgument: a leaf that holds no artefact.</exception>
    public MortgageDecision Propose(CaseId id, MortgageCommand command, IReadOnlyList<ulong> artefactLeaves)
    {
        MortgageCase current = Find(id)?.Case ?? throw NotFound(id, "带押过户");
        return MortgageRules.Decide(current, command with { Artefacts = Artefacts(artefactLeaves), Approvals = command.Approvals ?? [] }, Context(id));
    }

    /// <summary>
    /// Applies an event: decides it, books its accounts and transfers, and records the transition.
    /// A refusal books and records nothing; a transfer the ledger refuses records nothing either.
    /// </summary>
    /// <exception cref="QueryException">NotFound: no such case; InvalidArgument: a leaf that holds no artefact; Held: a payout from an account the bank desk holds.</exception>
    public async Task<CaseOutcome> ApplyAsync(Caller actor, CaseId id, MortgageCommand command, IReadOnlyList<ulong> artefactLeaves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            MortgageDecision decision = Propose(id, command, artefactLeaves);
            if (!decision.IsAccepted)
            {
                return new CaseOutcome(decision, null, null, null);
            }

            (LedgerBatchOutcome? accounts, LedgerBatchOutcome? transfers, bool booked) = await BookAsync(actor, id, decision.Accounts, decision.Transfers, cancellationToken).ConfigureAwait(false);
            if (!booked)
            {
                return new CaseOutcome(decision, accounts, transfers, null);
            }

            (CaseRecord record, ulong leafIndex) = await RecordAsync(actor, null, decision.Transition).ConfigureAwait(false);
            Replay(record, leafIndex);
            return new CaseOutcome(decision, accounts, transfers, leafIndex);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// The case's deadlines (docs/deadlines.md): acceptance from the day it was opened; the
    /// certificate, the notice, the public notice and the lapse from the deposit date, once fixed.
    /// A deadline the working-day calendar does not reach yet has no day.
    /// </summary>
    public IReadOnlyList<CaseDeadline> DeadlinesOf(CaseId id)
    {
        (CaseOpening _, MortgageCase current, long openedAtMs) = Find(id) ?? throw NotFound(id, "带押过户");
        var deadlines = new List<CaseDeadline> { Deadline(DeadlineRule.Acceptance, DailyBalances.DayOf(openedAtMs), current.State != MortgageState.Draft) };
        if (current.DepositDate is DateOnly deposited)
        {
            deadlines.Add(Deadline(DeadlineRule.Certificate, deposited, current.CertificateIssued));
            deadlines.Add(Deadline(DeadlineRule.Notice, deposited, current.NoticeDelivered));

            // A public notice is needed only when the creditor could not be notified directly.
            deadlines.Add(Deadline(DeadlineRule.PublicNotice, deposited, current.NoticeDelivered || current.PublicNoticePublished));
            deadlines.Add(Deadline(DeadlineRule.Lapse, deposited, current.State is MortgageState.Closed or MortgageState.RemittedToTreasury or MortgageState.Unclaimed));
        }

        return deadlines;
    }

    /// <summary>
    /// The deadlines not yet met of every case that has not ended that may fall on or before
    /// <paramref name="through"/> (or all), soonest first. One the calendar does not reach is listed
    /// when its earliest possible day does: it may be due, and the calendar needs its next year.
    /// </summary>
    public IReadOnlyList<(CaseId CaseId, string CaseNumber, CaseDeadline Deadline)> DueDeadlines(DateOnly? through)
    {
        MortgageState[] ended = [MortgageState.Closed, MortgageState.Cancelled, MortgageState.RemittedToTreasury];
        return [.. List()
            .Where(c => !ended.Contains(c.Case.State))
            .SelectMany(c => DeadlinesOf(c.Case.Id).Where(d => !d.Met).Select(d => (c.Case.Id, c.Opening.CaseNumber, Deadline: d)))
            .Where(d => through is not DateOnly last || d.Deadline.NotBefore <= last)
            .OrderBy(d => d.Deadline.NotBefore)
            .ThenBy(d => d.Id.Value)];
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Books an accepted event's accounts, then its transfers, each as one ledger batch keyed by the
    /// case. Booked when every account and transfer succeeded now or before under its id.
    /// </summary>
    private async Task<(LedgerBatchOutcome? Accounts, LedgerBatchOutcome? Transfers, bool Booked)> BookAsync(Caller actor, CaseId id, IReadOnlyList<Account> accounts, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        string[] caseKey = [LeafRecord.CaseKey(id.Value)];
        LedgerBatchOutcome? opened = accounts.Count == 0 ? null : await _book.CreateAccountsAsync(actor, accounts, cancellationToken, caseKey).ConfigureAwait(false);
        if (opened is not null && opened.AccountResults.Any(r => r is not (CreateAccountResult.Ok or CreateAccountResult.Exists)))
        {
            return (opened, null, false);
        }

        LedgerBatchOutcome? moved = transfers.Count == 0 ? null : await _book.CreateTransfersAsync(actor, transfers, cancellationToken, caseKey).ConfigureAwait(false);
        return (opened, moved, moved is null || moved.TransferResults.All(r => r is CreateTransferResult.Ok or CreateTransferResult.Exists));
    }

    /// <summary>Refuses an opening that is malformed, names no escrow bank account of its ledger, or takes an id in use. Call under the writer.</summary>
    private void CheckOpening(CaseOpening opening)
    {
        if (_book.FindAccount(opening.EscrowBankAccount) is not { Kind: AccountKind.EscrowBank } bank || bank.Ledger != opening.Ledger)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ledger account {opening.EscrowBankAccount.Value:x32} is not an escrow bank account of ledger {opening.Ledger}");
        }

        if (Exists(opening.CaseId))
        {
            throw new QueryException(QueryFailure.Conflict, $"case {opening.CaseId} is already open");
        }
    }

    /// <summary>No case of this kind under the id: another kind's case, or none at all.</summary>
    private QueryException NotFound(CaseId id, string kind) =>
        new(QueryFailure.NotFound, Exists(id) ? $"case {id} is not a {kind} case" : $"there is no case {id}");

    /// <summary>The record_schema of a case leaf, its record checked against the leaf.</summary>
    private static ushort CheckedSchema(StoredRecord stored, byte[] leaf)
    {
        if (!LeafEnvelope.TryDecodeRecord(leaf, LeafType.CaseTransition, out RecordLeaf? recordLeaf).IsValid)
        {
            throw new InvalidDataException($"Leaf {stored.LeafIndex} is not a case record leaf.");
        }

        if (recordLeaf!.Record != new DigestPair(Digest.Read(SHA256.HashData(stored.Bytes)), Sm3.HashData(stored.Bytes)))
        {
            throw new InvalidDataException($"The case record of leaf {stored.LeafIndex} does not match its leaf in the log.");
        }

        return recordLeaf.RecordSchema is CaseArtefact.Schema or CaseRecord.Schema or SealedSaleRecord.Schema
            ? recordLeaf.RecordSchema
            : throw new InvalidDataException($"Leaf {stored.LeafIndex} holds a case record of schema {recordLeaf.RecordSchema}, which this version does not know.");
    }

    private delegate bool Decoder<T>(ReadOnlySpan<byte> bytes, out T? record, out string reason);

    private static T Decoded<T>(StoredRecord stored, Decoder<T> decode)
        where T : class =>
        decode(stored.Bytes, out T? record, out string reason)
            ? record!
            : throw new InvalidDataException($"The case record of leaf {stored.LeafIndex} is not canonical: {reason}.");

    private void Replay(CaseRecord record, ulong leafIndex)
    {
        if (record.Opening is CaseOpening opening)
        {
            Opened(opening, record.RecordedAtMs, leafIndex, open => open.Case = MortgageCase.Open(opening.CaseId, opening.EscrowBankAccount, opening.Ledger));
            return;
        }

        MortgageTransition t = record.Transition!;
        Moved(t.CaseId, leafIndex, "带押过户", open => open.Case is not null, open => open.Case = MortgageRules.Apply(open.Case!, t), t.Transfers);
    }

    private void Opened(CaseOpening opening, long openedAtMs, ulong leafIndex, Action<OpenCase> start)
    {
        lock (_state)
        {
            var open = new OpenCase(opening, openedAtMs, leafIndex);
            start(open);
            _cases[opening.CaseId] = open;
        }
    }

    /// <summary>Applies a recorded transition to its case, which must be open and of its kind; a transition that does not follow its case stops the replay.</summary>
    private void Moved(CaseId id, ulong leafIndex, string kind, Func<OpenCase, bool> isKind, Action<OpenCase> apply, IReadOnlyList<TransferId> transfers)
    {
        lock (_state)
        {
            if (!_cases.TryGetValue(id, out OpenCase? open) || !isKind(open))
            {
                throw new InvalidDataException($"Leaf {leafIndex} records a {kind} transition of case {id}, which was never opened as one.");
            }

            try
            {
                apply(open);
                open.RecordedTransfers.UnionWith(transfers);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"Leaf {leafIndex}: {e.Message}", e);
            }
        }
    }

    private async Task<(CaseRecord Record, ulong LeafIndex)> RecordAsync(Caller actor, CaseOpening? opening, MortgageTransition? transition)
    {
        (CustodyParty acting, byte[] nonce, long atMs) = NewRecordFields(actor);
        var record = new CaseRecord(nonce, atMs, (byte)actor.Role, Convert.FromHexString(acting.PartyId), Digest.AsBytes(acting.Salt.Value).ToArray(), opening, transition);
        return (record, await RecordLeafAsync(actor, acting, CaseRecord.Schema, atMs, record.Encode(), record.CaseId).ConfigureAwait(false));
    }

    /// <summary>A record's actor commitment, random nonce and time.</summary>
    private (CustodyParty Acting, byte[] Nonce, long AtMs) NewRecordFields(Caller actor)
    {
        byte[] nonce = new byte[CaseRecord.NonceLengthBytes];
        _random(nonce);
        return (CustodyParty.Create(actor.PartyId, _random), nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Records a case record as a case leaf, keyed by the case and the actor; answers once it is durable.
    /// The wait is not the caller's to cancel: a queued leaf becomes durable whatever the caller does, and
    /// answering early would leave the case in memory behind its log, so its next transition would take
    /// a number already recorded and the log would no longer replay.
    /// </summary>
    private Task<ulong> RecordLeafAsync(Caller actor, CustodyParty acting, ushort schema, long atMs, byte[] bytes, CaseId id)
    {
        RecordLeaf leaf = RecordLeaf.Over(LeafType.CaseTransition, schema, atMs, bytes, [acting.Commitment()]);
        return _intake.RecordAsync(leaf, new LeafRecord(bytes, [LeafRecord.CaseKey(id.Value), actor.PartyId]), CancellationToken.None);
    }

    private List<RecordedArtefact> Artefacts(IReadOnlyList<ulong> leaves)
    {
        var artefacts = new List<RecordedArtefact>(leaves.Count);
        foreach (ulong leaf in leaves)
        {
            StoredRecord? stored = _store.FindRecord(leaf);
            if (stored is null || stored.Type != LeafType.CaseTransition || !CaseArtefact.TryDecode(stored.Bytes, out CaseArtefact? artefact, out _))
            {
                throw new QueryException(QueryFailure.InvalidArgument, $"leaf {leaf} holds no case artefact");
            }

            artefacts.Add(new RecordedArtefact(artefact!, leaf));
        }

        return artefacts;
    }

    /// <summary>What the rules read for an event of case <paramref name="id"/>: now, the signed tree, the parties, and the ledger as the case's recorded transitions left it.</summary>
    private CaseContext Context(CaseId id)
    {
        long nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        IReadOnlyList<TransferId> unrecorded = UnrecordedTransfers(id);
        LedgerAsRecorded? asRecorded = unrecorded.Count == 0 ? null : LedgerAsRecorded.Without(_book, unrecorded);
        return new CaseContext(
            DailyBalances.DayOf(nowMs),
            nowMs,
            _queries.LatestCheckpointSizeOrZero(),
            _parties.Find,
            asRecorded is null ? _book.BalanceOf : asRecorded.BalanceOf,
            asRecorded is null ? _book.StateOf : asRecorded.StateOf,
            asRecorded is null ? _book.ResolutionOf : asRecorded.ResolutionOf,
            deposited => Deadlines.TryDeadlineOf(DeadlineRule.Lapse, deposited, _calendar, out DateOnly last) ? last.AddDays(1) : null,
            _titleLockRequired,
            ObjectionLastDay);
    }

    private CaseDeadline Deadline(DeadlineRule rule, DateOnly from, bool met)
    {
        DateOnly? last = Deadlines.TryDeadlineOf(rule, from, _calendar, out DateOnly day) ? day : null;
        DeadlinePeriod period = Deadlines.PeriodOf(rule);
        DateOnly unextended = period.CountKind == DeadlineCountKind.CalendarYears ? from.AddYears(period.Length) : from.AddDays(period.Length);
        return new CaseDeadline(rule, from, last, last ?? unextended, met);
    }

    /// <summary>An open case: a 带押过户 case (<see cref="Case"/>) or a 带封过户 case (<see cref="Sale"/>), exactly one of the two.</summary>
    private sealed class OpenCase(CaseOpening opening, long openedAtMs, ulong openedLeafIndex)
    {
        public CaseOpening Opening { get; } = opening;

        public MortgageCase? Case { get; set; }

        public SealedSaleCase? Sale { get; set; }

        public long OpenedAtMs { get; } = openedAtMs;

        public ulong OpenedLeafIndex { get; } = openedLeafIndex;

        /// <summary>The transfers its recorded transitions booked.</summary>
        public HashSet<TransferId> RecordedTransfers { get; } = [];
    }
}
