using EvidenceChain.Cases;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A case statement's records read back: each entry is a case record (record_schema 1: the opening or a
/// transition of a 带押过户 case, docs/formats/case-transition.md; record_schema 3: of a 带封过户 case,
/// docs/formats/sealed-sale-transition.md), an artefact (record_schema 2, docs/formats/case-artefact.md) or a
/// ledger batch that booked the case's postings; the case is rebuilt by replaying its transitions from the
/// opening with <see cref="MortgageRules.Apply"/> or <see cref="SealedSaleRules.Apply"/>, as the service does
/// at start. Pure: the statement's proofs are checked before this reads anything.
/// </summary>
internal static class CaseRecords
{
    private const string SubjectPrefix = "case:";

    /// <summary>One record of a case statement: a 带押过户 case record, an artefact, a ledger batch that booked the case's postings, or a 带封过户 case record.</summary>
    public sealed record Entry(ulong LeafIndex, CaseRecord? Record, CaseArtefact? Artefact, LedgerBatchRecord? Batch = null, SealedSaleRecord? Sale = null)
    {
        /// <summary>The case a case record or artefact is of; null for a ledger batch or an unreadable entry.</summary>
        public CaseId? CaseId => Artefact?.CaseId ?? Record?.CaseId ?? Sale?.CaseId;
    }

    /// <summary>
    /// A statement as a court receives it, checked in the safe order: parsed, its checkpoint and every
    /// record's proof verified with the trusted keys, its subject a case, then every record decoded as
    /// its verified leaf says. The case is not replayed here.
    /// </summary>
    public static Verdict TryVerify(string statementJson, TrustedKeySet trusted, out RecordStatement? statement, out CaseId id, out IReadOnlyList<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        Verdict verdict = RecordStatement.TryParse(statementJson, out statement);
        IReadOnlyList<RecordLeaf> leaves = [];
        entries = [];
        id = default;
        if (verdict.IsValid)
        {
            verdict = statement!.Verify(trusted.Keys, [LeafType.CaseTransition, LeafType.LedgerBatch], out _, out leaves);
        }

        if (verdict.IsValid && !TryCaseOf(statement!, out id))
        {
            verdict = Verdict.Fail(VerificationFailure.MalformedStatement, $"the subject '{statement!.Subject}' is not a case");
        }

        return verdict.IsValid ? TryDecode(statement!, leaves, out entries) : verdict;
    }

    /// <summary>Whether the statement opens a 带封过户 case.</summary>
    public static bool IsSealedSale(IReadOnlyList<Entry> entries) => entries is [{ Sale.Opening: not null }, ..];

    /// <summary>The case a statement's subject names (<c>case:</c> and 32 lowercase hex digits).</summary>
    public static bool TryCaseOf(RecordStatement statement, out CaseId id)
    {
        ArgumentNullException.ThrowIfNull(statement);
        id = default;
        string hex = statement.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) ? statement.Subject[SubjectPrefix.Length..] : string.Empty;
        if (!Hex128.TryParse(hex, out UInt128 value))
        {
            return false;
        }

        id = new CaseId(value);
        return id.IsValid;
    }

    /// <summary>
    /// Decodes every entry strictly; with the verified <paramref name="leaves"/>, each record's kind must be
    /// the one its leaf's record_schema names. Unverified (null leaves), an entry that decodes as neither is
    /// left without a record, for display.
    /// </summary>
    public static Verdict TryDecode(RecordStatement statement, IReadOnlyList<RecordLeaf>? leaves, out IReadOnlyList<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var decoded = new List<Entry>(statement.Entries.Count);
        entries = decoded;
        for (int i = 0; i < statement.Entries.Count; i++)
        {
            RecordStatementEntry entry = statement.Entries[i];
            ushort? schema = leaves?[i].RecordSchema;
            string reason = string.Empty;
            bool ledgerLeaf = leaves?[i].Type == LeafType.LedgerBatch;
            if (ledgerLeaf || leaves is null)
            {
                if ((schema is null or LedgerBatchRecord.Schema) && LedgerBatchRecord.TryDecode(entry.Record, out LedgerBatchRecord? batch, out reason))
                {
                    decoded.Add(new Entry(entry.LeafIndex, null, null, batch));
                    continue;
                }

                if (ledgerLeaf)
                {
                    return Verdict.Fail(VerificationFailure.MalformedRecord, $"leaf {entry.LeafIndex} is a ledger leaf but not a ledger batch: {reason}");
                }
            }

            if (schema is null or CaseRecord.Schema && CaseRecord.TryDecode(entry.Record, out CaseRecord? record, out reason))
            {
                decoded.Add(new Entry(entry.LeafIndex, record, null));
            }
            else if (schema is null or SealedSaleRecord.Schema && SealedSaleRecord.TryDecode(entry.Record, out SealedSaleRecord? sale, out reason))
            {
                decoded.Add(new Entry(entry.LeafIndex, null, null, null, sale));
            }
            else if (schema is null or CaseArtefact.Schema && CaseArtefact.TryDecode(entry.Record, out CaseArtefact? artefact, out reason))
            {
                decoded.Add(new Entry(entry.LeafIndex, null, artefact));
            }
            else if (schema is null)
            {
                decoded.Add(new Entry(entry.LeafIndex, null, null));
            }
            else
            {
                return Verdict.Fail(
                    VerificationFailure.MalformedRecord,
                    schema is CaseRecord.Schema or CaseArtefact.Schema or SealedSaleRecord.Schema
                        ? $"the record of leaf {entry.LeafIndex}: {reason}"
                        : $"leaf {entry.LeafIndex} has record_schema {schema}, neither a case record (1 or 3) nor an artefact (2)");
            }
        }

        return Verdict.Valid;
    }

    /// <summary>
    /// The 带押过户 case as its records prove it: opened by the first entry, then each transition applied in
    /// order; false with the reason when an entry is of another case or kind, a second opening, a transition
    /// that does not follow (<see cref="MortgageRules.Apply"/>), or one naming a transfer no ledger batch of
    /// the statement booked before it.
    /// </summary>
    public static bool TryReplay(CaseId id, IReadOnlyList<Entry> entries, out MortgageCase? replayed, out string reason) =>
        TryReplay(
            id,
            entries,
            e => e.Record?.Opening,
            opening => MortgageCase.Open(id, opening.EscrowBankAccount, opening.Ledger),
            e => e.Record?.Transition,
            MortgageRules.Apply,
            t => (t.Number, t.Transfers),
            _ => null,
            out replayed,
            out reason);

    /// <summary>
    /// The 带封过户 case as its records prove it (<see cref="SealedSaleRules.Apply"/>), as <see cref="TryReplay(CaseId, IReadOnlyList{Entry}, out MortgageCase?, out string)"/>;
    /// and each plan issued is the court's: the plan artefact its transition names is in the statement, and its
    /// document digests and amount are those of the plan recorded (docs/formats/distribution-plan.md).
    /// </summary>
    public static bool TryReplaySale(CaseId id, IReadOnlyList<Entry> entries, out SealedSaleCase? replayed, out string reason)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Dictionary<ulong, CaseArtefact> artefacts = entries.Where(e => e.Artefact is not null).ToDictionary(e => e.LeafIndex, e => e.Artefact!);
        return TryReplay(
            id,
            entries,
            e => e.Sale?.Opening,
            opening => SealedSaleCase.Open(id, opening.EscrowBankAccount, opening.Ledger),
            e => e.Sale?.Transition,
            SealedSaleRules.Apply,
            t => (t.Number, t.Transfers),
            t => t.Plan is DistributionPlan plan ? PlanProblem(id, plan, t.ArtefactLeaves, artefacts) : null,
            out replayed,
            out reason);
    }

    /// <summary>The transfers ledger batches of the statement booked Ok, by id.</summary>
    public static IReadOnlyDictionary<TransferId, Transfer> Booked(IEnumerable<Entry> entries)
    {
        var booked = new Dictionary<TransferId, Transfer>();
        foreach (LedgerBatchRecord batch in entries.Select(e => e.Batch).OfType<LedgerBatchRecord>())
        {
            for (int i = 0; i < batch.Transfers.Count; i++)
            {
                if (batch.TransferResults[i] == CreateTransferResult.Ok)
                {
                    booked[batch.Transfers[i].Id] = batch.Transfers[i];
                }
            }
        }

        return booked;
    }

    private static string? PlanProblem(CaseId id, DistributionPlan plan, IReadOnlyList<ulong> leaves, Dictionary<ulong, CaseArtefact> artefacts)
    {
        if (leaves is not [ulong leaf] || !artefacts.TryGetValue(leaf, out CaseArtefact? signed))
        {
            return "the court's plan artefact it names is not in the statement";
        }

        Core.Hashing.DigestPair digests = plan.Digests(id);
        return digests != new Core.Hashing.DigestPair(signed.DocumentSha256, signed.DocumentSm3) || signed.AmountFen != plan.NetProceedsFen
            ? $"the plan recorded is not the one the court signed: its digests are SHA-256 {digests.Sha256.ToHex()}, SM3 {digests.Sm3.ToHex()} and its net proceeds {plan.NetProceedsFen} fen, the artefact of leaf {leaf} carries {signed.DocumentSha256.ToHex()}, {signed.DocumentSm3.ToHex()} and {signed.AmountFen} fen"
            : null;
    }

    private static bool TryReplay<TCase, TTransition>(
        CaseId id,
        IReadOnlyList<Entry> entries,
        Func<Entry, CaseOpening?> openingOf,
        Func<CaseOpening, TCase> open,
        Func<Entry, TTransition?> transitionOf,
        Func<TCase, TTransition, TCase> apply,
        Func<TTransition, (ulong Number, IReadOnlyList<TransferId> Transfers)> postingsOf,
        Func<TTransition, string?> problemOf,
        out TCase? replayed,
        out string reason)
        where TCase : class
        where TTransition : class
    {
        ArgumentNullException.ThrowIfNull(entries);
        replayed = null;
        if (entries is not [Entry first, ..] || openingOf(first) is not CaseOpening opening || opening.CaseId != id)
        {
            reason = entries is [{ Record.Opening: not null } or { Sale.Opening: not null }, ..] && (entries[0].CaseId == id)
                ? $"case {id} is " + (entries[0].Sale is null ? "a 带押过户 case" : "a 带封过户 case") + " and is not replayed as the other kind"
                : $"the statement does not start with the opening of case {id} (a later page is not replayed alone)";
            return false;
        }

        TCase current = open(opening);
        var booked = new HashSet<TransferId>();
        foreach (Entry entry in entries.Skip(1))
        {
            if (entry.Batch is LedgerBatchRecord batch)
            {
                booked.UnionWith(batch.Transfers.Where((t, i) => batch.TransferResults[i] == CreateTransferResult.Ok).Select(t => t.Id));
                continue;
            }

            CaseId? of = entry.CaseId;
            bool record = entry.Record is not null || entry.Sale is not null;
            TTransition? transition = transitionOf(entry);
            string? wrong = of != id ? $"of case {of}"
                : (entry.Record?.Opening ?? entry.Sale?.Opening) is not null ? "a second opening"
                : record && transition is null ? "a record of the other kind of case"
                : null;
            if (wrong is not null)
            {
                reason = $"leaf {entry.LeafIndex} is {wrong}";
                return false;
            }

            if (transition is null)
            {
                continue;
            }

            try
            {
                current = apply(current, transition);
            }
            catch (InvalidOperationException e)
            {
                reason = $"leaf {entry.LeafIndex}: {e.Message}";
                return false;
            }

            (ulong number, IReadOnlyList<TransferId> transfers) = postingsOf(transition);

            // Every posting the transition names was booked by a ledger batch of the statement before it.
            if (transfers.FirstOrDefault(t => !booked.Contains(t)) is TransferId missing && missing != default)
            {
                reason = $"leaf {entry.LeafIndex}: transition {number} names transfer {missing.Value:x32}, which no ledger batch of the statement booked before it";
                return false;
            }

            if (problemOf(transition) is string problem)
            {
                reason = $"leaf {entry.LeafIndex}: transition {number}: {problem}";
                return false;
            }
        }

        replayed = current;
        reason = string.Empty;
        return true;
    }

    public static void Write(TextWriter output, CaseText text, IReadOnlyList<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        foreach (Entry entry in entries)
        {
            output.WriteLine(entry switch
            {
                { Record.Opening: CaseOpening opening } => text.EntryOpening(entry.LeafIndex, opening.CaseNumber),
                { Record.Transition: MortgageTransition t } => text.EntryTransition(entry.LeafIndex, t.Number, t.Event.ToString(), t.From.ToString(), t.To.ToString()),
                { Sale.Opening: CaseOpening opening } => text.EntryOpening(entry.LeafIndex, opening.CaseNumber),
                { Sale.Transition: SealedSaleTransition t } => text.EntryTransition(entry.LeafIndex, t.Number, t.Event.ToString(), t.From.ToString(), t.To.ToString()),
                { Artefact: CaseArtefact a } => text.EntryArtefact(entry.LeafIndex, a.Type.ToString(), a.IssuerPartyId),
                { Batch: LedgerBatchRecord b } => text.EntryBatch(entry.LeafIndex, b.BatchNumber, b.EventCount),
                _ => text.EntryUnreadable(entry.LeafIndex),
            });
        }
    }
}
