using System.Security.Cryptography;
using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Pledges;
using EvidenceChain.Pledges.Records;

namespace EvidenceChain.Engine.Pledges;

/// <summary>
/// Runs the trade-secret pledge registry (docs/pledges.md §Engine) on the log: fills what the pure
/// <see cref="PledgeRules"/> compare from the log itself (each registered deposit's units roots,
/// unit count and depositor commitments from its deposit leaf; the signed tree size), decides events
/// under one writer, records each accepted one as a pledge event leaf (type 5, record_schema 1) keyed
/// by its asset, and moves the registry in memory only once that leaf is durable. At open every pledge
/// record is checked against its leaf and replayed, so the log holds the whole registry.
/// </summary>
public sealed class PledgeDesk : IDisposable
{
    private const int ReplayPageRecords = 256;

    /// <summary>
    /// The most pages of records one encumbrance statement carries: 8,000 events, some 16 MiB of JSON,
    /// inside a client's 32 MiB message. An asset with more is stated as of an earlier event.
    /// </summary>
    public const int StatementPagesMax = 8;

    private readonly ILogStore _store;
    private readonly LogIntake _intake;
    private readonly LogQueries _queries;
    private readonly RecordStatements _statements;
    private readonly Notary _notary;
    private readonly PartyRegistry _parties;
    private readonly TimeProvider _time;
    private readonly RandomSource _random;
    private readonly SemaphoreSlim _writer = new(1, 1);

    // Immutable: readers take the reference as it stands; only the writer replaces it, after a leaf is durable.
    private volatile PledgeRegistry _registry = PledgeRegistry.Empty;

    private PledgeDesk(ILogStore store, LogIntake intake, LogQueries queries, Notary notary, PartyRegistry parties, TimeProvider time, RandomSource random)
    {
        _store = store;
        _intake = intake;
        _queries = queries;
        _statements = new RecordStatements(store, queries);
        _notary = notary;
        _parties = parties;
        _time = time;
        _random = random;
    }

    /// <summary>The registry as its durable records left it.</summary>
    public PledgeRegistry Registry => _registry;

    /// <summary>Opens the desk by replaying every pledge record of the log in leaf order, each checked against its leaf.</summary>
    /// <exception cref="InvalidDataException">A record does not match its leaf (digests, time, schema), is not canonical, or does not follow its asset; the message names the leaf.</exception>
    public static PledgeDesk Open(ILogStore store, LogIntake intake, LogQueries queries, Notary notary, PartyRegistry parties, TimeProvider time, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(notary);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        var desk = new PledgeDesk(store, intake, queries, notary, parties, time, random);
        PledgeRegistry registry = PledgeRegistry.Empty;
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = store.ReadRecords(LeafType.PledgeEvent, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                registry = Replayed(registry, Checked(stored, store.ReadLeaves(stored.LeafIndex, 1)[0]), stored.LeafIndex);
                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                desk._registry = registry;
                return desk;
            }
        }
    }

    /// <summary>The asset, or null when it is not registered.</summary>
    public PledgeAsset? FindAsset(AssetId id) => _registry.AssetOf(id);

    /// <summary>Every pledge of the asset applied for, in order, whatever its state.</summary>
    /// <exception cref="QueryException">NotFound: no such asset.</exception>
    public IReadOnlyList<Pledge> PledgesOf(AssetId id) => (FindAsset(id) ?? throw NotFound(id)).Pledges;

    /// <summary>
    /// What <paramref name="command"/> would do now, recording nothing: the command as the desk fills
    /// it from the log, the message each signer signs over it, and the decision on the signatures it
    /// already carries (an unsigned command is refused for its missing signatures; its message is still given).
    /// </summary>
    /// <exception cref="QueryException">InvalidArgument: a registered deposit or the pledge contract names a leaf that is not a deposit.</exception>
    public PledgeProposal Propose(PledgeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        PledgeRegistry registry = _registry;
        return Proposal(registry, Filled(command), Context());
    }

    /// <summary>
    /// Applies an event: under the writer, fills it from the log and decides it; a refusal records
    /// nothing; an accepted event is recorded as a pledge event leaf keyed by its asset and the actor,
    /// answered once durable, and then applied to the registry.
    /// </summary>
    /// <exception cref="QueryException">InvalidArgument: a leaf named is not a deposit; Unavailable: the log cannot take records now.</exception>
    public async Task<PledgeOutcome> ApplyAsync(Caller actor, PledgeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PledgeRegistry registry = _registry;
            PledgeContext context = Context();
            PledgeDecision decision = registry.Decide(Filled(command), context);
            if (!decision.IsAccepted)
            {
                return new PledgeOutcome(decision, null);
            }

            byte[] nonce = new byte[PledgeRecord.NonceLengthBytes];
            _random(nonce);
            var record = new PledgeRecord(nonce, context.AtMs, decision.Transition!);
            byte[] bytes = record.Encode();
            CustodyParty acting = CustodyParty.Create(actor.PartyId, _random);
            RecordLeaf leaf = RecordLeaf.Over(LeafType.PledgeEvent, PledgeRecord.Schema, record.RecordedAtMs, bytes, [acting.Commitment()]);

            // Once queued the leaf becomes durable whatever the caller does, so the wait is not cancelled:
            // answering early would leave the registry behind its log, and the next event would take a number already recorded.
            ulong leafIndex = await _intake.RecordAsync(leaf, new LeafRecord(bytes, [LeafRecord.AssetKey(command.AssetId.Value), actor.PartyId]), CancellationToken.None).ConfigureAwait(false);
            _registry = Replayed(registry, record, leafIndex);
            return new PledgeOutcome(decision, leafIndex);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// The lender's check (DOMAIN.md §7.2): the asset's records under <see cref="LeafRecord.AssetKey"/>
    /// with their leaves and inclusion proofs against the latest signed checkpoint, in pages of at most
    /// 1,000 records (at most <see cref="StatementPagesMax"/>, all against that checkpoint), up to event
    /// <paramref name="asOfEvent"/> (or all that checkpoint includes); the encumbrance those records
    /// replay to (<see cref="EncumbranceView"/>); the receipts of the secret's deposit leaves
    /// against the same checkpoint; and the notary's signed claim of how many events the asset has in
    /// that checkpoint's tree, all of them whatever <paramref name="asOfEvent"/> is, so a lender can tell
    /// when a record was left out. Offline-verifiable, and no content.
    /// </summary>
    /// <exception cref="QueryException">NotFound: no such asset; InvalidArgument: event 0; NotYetSigned: no checkpoint yet.</exception>
    public EncumbranceStatement EncumbranceStatement(AssetId id, ulong? asOfEvent) => EncumbranceStatement(id, asOfEvent, RecordStatement.EntriesMax);

    /// <summary>As the public overload, with pages of <paramref name="entriesPerPage"/> records (tests page small histories).</summary>
    internal EncumbranceStatement EncumbranceStatement(AssetId id, ulong? asOfEvent, int entriesPerPage)
    {
        if (FindAsset(id) is null)
        {
            throw NotFound(id);
        }

        if (asOfEvent == 0)
        {
            throw new QueryException(QueryFailure.InvalidArgument, "an asset's events are numbered from 1");
        }

        // Every page against one checkpoint: the records of one statement are proved against one tree.
        StoredCheckpoint checkpoint = _queries.LatestCheckpoint();
        EncumbranceClaim claim = Claim(id, checkpoint);
        ulong wanted = Math.Min(asOfEvent ?? ulong.MaxValue, claim.EventCount);
        var pages = new List<RecordStatement>();
        var transitions = new List<PledgeTransition>();
        ulong from = 0;
        while (pages.Count == 0 || ((ulong)transitions.Count < wanted && pages.Count < StatementPagesMax))
        {
            RecordStatement page = _statements.StatementOf(LeafRecord.AssetKey(id.Value), from, entriesPerPage, checkpoint);
            var entries = new List<RecordStatementEntry>(page.Entries.Count);
            foreach (RecordStatementEntry entry in page.Entries.TakeWhile(_ => (ulong)transitions.Count < wanted))
            {
                if (!PledgeRecord.TryDecode(entry.Record, out PledgeRecord? record, out string reason) || record!.Transition.AssetId != id)
                {
                    throw new InvalidOperationException($"Leaf {entry.LeafIndex}, kept under the key of asset {id}, is not one of its pledge records: {reason}");
                }

                entries.Add(entry);
                transitions.Add(record.Transition);
            }

            if (pages.Count > 0 && entries.Count == 0)
            {
                break;
            }

            pages.Add(page with { Entries = entries });
            from = page.Entries.Count == 0 ? from : page.Entries[^1].LeafIndex + 1;
        }

        Encumbrance? view = transitions.Count == 0 ? null : EncumbranceView.Of(transitions, id, transitions[^1].Number);
        IReadOnlyList<ReceiptAnswer> receipts = view is null ? []
            : [.. view.SecretDeposits.Select(d => _queries.Receipt(_queries.FindLeaf(d.LeafIndex), checkpoint.TreeSize))];
        return new EncumbranceStatement(pages, view, receipts, _notary.SignEncumbrance(claim));
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// The claim about <paramref name="checkpoint"/>: every record kept under the asset's key below its
    /// tree size, counted from the store, not from the statement's pages of them.
    /// </summary>
    private EncumbranceClaim Claim(AssetId id, StoredCheckpoint checkpoint) =>
        new(_notary.Origin, id, checkpoint.TreeSize, checkpoint.Root, RecordsBelow(LeafRecord.AssetKey(id.Value), checkpoint.TreeSize));

    private ulong RecordsBelow(string key, ulong treeSize)
    {
        ulong count = 0;
        ulong from = 0;
        while (true)
        {
            IReadOnlyList<StoredRecord> page = _store.ReadRecordsByKey(key, from, ReplayPageRecords);
            foreach (StoredRecord stored in page)
            {
                if (stored.LeafIndex >= treeSize)
                {
                    return count;
                }

                count++;
                from = stored.LeafIndex + 1;
            }

            if (page.Count < ReplayPageRecords)
            {
                return count;
            }
        }
    }

    /// <summary>The pledge record of a pledge event leaf, checked against the leaf: its schema, its digests and its time.</summary>
    private static PledgeRecord Checked(StoredRecord stored, byte[] leaf)
    {
        if (!LeafEnvelope.TryDecodeRecord(leaf, LeafType.PledgeEvent, out RecordLeaf? recordLeaf).IsValid)
        {
            throw new InvalidDataException($"Leaf {stored.LeafIndex} is not a pledge event leaf.");
        }

        if (recordLeaf!.RecordSchema != PledgeRecord.Schema)
        {
            throw new InvalidDataException($"Leaf {stored.LeafIndex} holds a pledge record of schema {recordLeaf.RecordSchema}, which this version does not know.");
        }

        if (recordLeaf.Record != new DigestPair(Digest.Read(SHA256.HashData(stored.Bytes)), Sm3.HashData(stored.Bytes)))
        {
            throw new InvalidDataException($"The pledge record of leaf {stored.LeafIndex} does not match its leaf in the log.");
        }

        if (!PledgeRecord.TryDecode(stored.Bytes, out PledgeRecord? record, out string reason))
        {
            throw new InvalidDataException($"The pledge record of leaf {stored.LeafIndex} is not canonical: {reason}.");
        }

        return record!.RecordedAtMs == recordLeaf.RecordedAtMs
            ? record
            : throw new InvalidDataException($"The pledge record of leaf {stored.LeafIndex} was recorded at {record.RecordedAtMs}, its leaf at {recordLeaf.RecordedAtMs}.");
    }

    private static PledgeRegistry Replayed(PledgeRegistry registry, PledgeRecord record, ulong leafIndex)
    {
        try
        {
            return registry.Apply(record.Transition);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"Leaf {leafIndex}: {e.Message}", e);
        }
    }

    private static PledgeProposal Proposal(PledgeRegistry registry, PledgeCommand filled, PledgeContext context)
    {
        ulong number = (registry.AssetOf(filled.AssetId)?.EventCount ?? 0) + 1;
        byte[]? message;
        try
        {
            message = PledgeEventMessage.Of(filled, number);
        }
        catch (ArgumentException)
        {
            // A malformed command has no message; the decision says what is wrong with it.
            message = null;
        }

        return new PledgeProposal(registry.Decide(filled, context), filled, number, message);
    }

    /// <summary>
    /// The command with what the log holds in place of what the caller said: each registered
    /// deposit's units roots, unit count and depositor commitments from its deposit leaf. A deposit
    /// or a pledge contract must name a deposit leaf; whether a signed checkpoint includes it is the rules' LeafNotInLog.
    /// </summary>
    private PledgeCommand Filled(PledgeCommand command)
    {
        if (command.Terms is PledgeTerms terms)
        {
            DepositOf(terms.ContractLeaf, "the pledge contract");
        }

        if (command.Registration is not { Deposits: not null } registration || registration.Deposits.Any(d => d is null))
        {
            return command;
        }

        AssetDeposit[] deposits = [.. registration.Deposits.Select(d =>
        {
            DepositLeaf leaf = DepositOf(d.LeafIndex, "a deposit of the asset");
            return d with { UnitsRoot = leaf.UnitsRoot, UnitCount = leaf.UnitCount, Depositor = leaf.Depositor };
        })];
        return command with { Registration = registration with { Deposits = deposits } };
    }

    private DepositLeaf DepositOf(ulong leafIndex, string what) =>
        _store.FindLeaf(leafIndex) is StoredLeaf stored && LeafEnvelope.TryDecodeDeposit(stored.Leaf, out DepositLeaf? deposit).IsValid
            ? deposit!
            : throw new QueryException(QueryFailure.InvalidArgument, $"{what} names leaf {leafIndex}, which is not a deposit (the log has {_store.LeafCount} leaves)");

    /// <summary>What the rules read: now (and its day in China Standard Time), the signed tree, the parties and the registry's deposits.</summary>
    private PledgeContext Context()
    {
        long nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return new PledgeContext(DailyBalances.DayOf(nowMs), nowMs, _queries.LatestCheckpointSizeOrZero(), _parties.Find, _registry.AssetOfDeposit);
    }

    private static QueryException NotFound(AssetId id) => new(QueryFailure.NotFound, $"there is no asset {id} in the pledge registry");
}
