using EvidenceChain.Cases;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A case statement's records read back: each entry is a case record (record_schema 1: the opening or a
/// transition, docs/formats/case-transition.md) or an artefact (record_schema 2, docs/formats/case-artefact.md);
/// the case is rebuilt by replaying its transitions from the opening with <see cref="MortgageRules.Apply"/>,
/// as the service does at start. Pure: the statement's proofs are checked before this reads anything.
/// </summary>
internal static class CaseRecords
{
    private const string SubjectPrefix = "case:";

    /// <summary>One entry: its leaf and either its case record or its artefact.</summary>
    /// <summary>One record of a case statement: a case record, an artefact, or a ledger batch that booked the case's postings.</summary>
    public sealed record Entry(ulong LeafIndex, CaseRecord? Record, CaseArtefact? Artefact, LedgerBatchRecord? Batch = null);

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
                    schema is CaseRecord.Schema or CaseArtefact.Schema ? $"the record of leaf {entry.LeafIndex}: {reason}" : $"leaf {entry.LeafIndex} has record_schema {schema}, neither a case record (1) nor an artefact (2)");
            }
        }

        return Verdict.Valid;
    }

    /// <summary>
    /// The case as its records prove it: opened by the first entry, then each transition applied in order;
    /// false with the reason when an entry is of another case, a second opening, or a transition that does
    /// not follow (<see cref="MortgageRules.Apply"/>).
    /// </summary>
    public static bool TryReplay(CaseId id, IReadOnlyList<Entry> entries, out MortgageCase? replayed, out string reason)
    {
        ArgumentNullException.ThrowIfNull(entries);
        replayed = null;
        if (entries is not [{ Record.Opening: CaseOpening opening }, ..] || opening.CaseId != id)
        {
            reason = $"the statement does not start with the opening of case {id} (a later page is not replayed alone)";
            return false;
        }

        MortgageCase current = MortgageCase.Open(id, opening.EscrowBankAccount, opening.Ledger);
        var booked = new HashSet<TransferId>();
        foreach (Entry entry in entries.Skip(1))
        {
            if (entry.Batch is LedgerBatchRecord batch)
            {
                booked.UnionWith(batch.Transfers.Where((t, i) => batch.TransferResults[i] == CreateTransferResult.Ok).Select(t => t.Id));
                continue;
            }

            CaseId of = entry.Artefact?.CaseId ?? entry.Record!.CaseId;
            if (of != id || entry.Record?.Opening is not null)
            {
                reason = $"leaf {entry.LeafIndex} is " + (of != id ? $"of case {of}" : "a second opening");
                return false;
            }

            if (entry.Record?.Transition is MortgageTransition transition)
            {
                try
                {
                    current = MortgageRules.Apply(current, transition);
                }
                catch (InvalidOperationException e)
                {
                    reason = $"leaf {entry.LeafIndex}: {e.Message}";
                    return false;
                }

                // Every posting the transition names was booked by a ledger batch of the statement before it.
                if (transition.Transfers.FirstOrDefault(t => !booked.Contains(t)) is TransferId missing && missing != default)
                {
                    reason = $"leaf {entry.LeafIndex}: transition {transition.Number} names transfer {missing.Value:x32}, which no ledger batch of the statement booked before it";
                    return false;
                }
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
                { Artefact: CaseArtefact a } => text.EntryArtefact(entry.LeafIndex, a.Type.ToString(), a.IssuerPartyId),
                { Batch: LedgerBatchRecord b } => text.EntryBatch(entry.LeafIndex, b.BatchNumber, b.EventCount),
                _ => text.EntryUnreadable(entry.LeafIndex),
            });
        }
    }
}
