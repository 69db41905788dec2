using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;
using EvidenceChain.Pledges.Records;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Registry = EvidenceChain.Pledges;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>pledge verify</c>, the lender's check of a saved encumbrance statement, offline with the log's trusted keys
/// only, in the order docs/formats/encumbrance-statement.md §Verification fixes: the checkpoint and the records'
/// proofs; the records decoded, all of the subject's asset; the notary's encumbrance claim (its signatures, then
/// that it counts exactly the records listed); the records replayed to the statement's encumbrance; the secret's
/// deposit receipts. Then the encumbrance as a lender reads it. 0 valid, 1 invalid.
/// </summary>
internal static class PledgeStatementCheck
{
    private const int StatementFileLengthMaxBytes = 64 * 1024 * 1024;

    public static ExitCode Verify(CliContext context, ReportText report, PledgeText text, string path, IReadOnlyList<string> keyArguments, string? trustFile)
    {
        GetEncumbranceStatementResponse file;
        try
        {
            file = JsonParser.Default.Parse<GetEncumbranceStatementResponse>(InputFile.ReadText(path, StatementFileLengthMaxBytes));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new OnlineInputException(OnlineProblem.EncumbranceFileMalformed, path, e.Message.ReplaceLineEndings(" "));
        }

        TrustedKeySet trusted = TrustedKeys.Load(keyArguments, trustFile, context);
        VerifiedCheckpoint? checkpoint = null;
        Verdict verdict = Joined([file.StatementJson, .. file.MoreStatementJson], out RecordStatement? statement);
        if (verdict.IsValid)
        {
            verdict = statement!.Verify(trusted.Keys, LeafType.PledgeEvent, out checkpoint, out _);
        }

        if (!verdict.IsValid)
        {
            context.Output.WriteLine(report.Failure(verdict.Failure) + ": " + verdict.Detail);
            return ExitCode.Invalid;
        }

        if (Problem(file, statement!, checkpoint!, trusted.Keys, out Registry.AssetId id, out Registry.EncumbranceClaim? claim) is string problem)
        {
            context.Output.WriteLine(text.NotVerified(problem));
            return ExitCode.Invalid;
        }

        TextWriter output = context.Output;
        output.WriteLine(text.Verified(id.ToString(), file.AsOfEvent, statement!.Entries.Count, statement.StatedTreeSize));
        output.WriteLine(text.Claim(id.ToString(), claim!.EventCount, claim.TreeSize, (ulong)statement.Entries.Count));
        output.WriteLine(text.Owner(file.OwnerPartyId, file.Category));
        foreach (AssetDepositLine d in file.SecretDeposits)
        {
            output.WriteLine(text.SecretDeposit(d.LeafIndex, Convert.ToHexStringLower(d.UnitsRoot.Sha256.Span), Convert.ToHexStringLower(d.UnitsRoot.Sm3.Span), d.UnitCount));
        }

        foreach (PledgeValuationLine v in file.Valuations)
        {
            output.WriteLine(text.Valuation(v.AppraiserPartyId, v.ValueFen, v.Date));
        }

        foreach (EncumbranceLine p in file.PledgesInForce)
        {
            output.WriteLine(text.InForce(p.Rank, p.SecuredFen, p.TermStart, p.TermEnd, p.PledgeePartyId, p.StateName, p.Enforceable));
        }

        if (file.PledgesInForce.Count == 0)
        {
            output.WriteLine(text.NoneInForce);
        }

        output.WriteLine(text.Notice);
        return ExitCode.Success;
    }

    /// <summary>The statement's pages parsed and joined into one (record-statement.md §Pages).</summary>
    private static Verdict Joined(IReadOnlyList<string> pagesJson, out RecordStatement? statement)
    {
        statement = null;
        var pages = new List<RecordStatement>(pagesJson.Count);
        foreach (string json in pagesJson)
        {
            Verdict parsed = RecordStatement.TryParse(json, out RecordStatement? page);
            if (!parsed.IsValid)
            {
                return parsed;
            }

            pages.Add(page!);
        }

        return RecordStatement.TryJoin(pages, out statement);
    }

    /// <summary>Why the verified records do not support the statement's encumbrance, or null.</summary>
    private static string? Problem(
        GetEncumbranceStatementResponse file,
        RecordStatement statement,
        VerifiedCheckpoint checkpoint,
        IReadOnlyList<NoteVerifier> keys,
        out Registry.AssetId id,
        out Registry.EncumbranceClaim? claim)
    {
        id = default;
        claim = null;
        const string Prefix = "asset:";
        if (!statement.Subject.StartsWith(Prefix, StringComparison.Ordinal) || !Hex128.TryParse(statement.Subject[Prefix.Length..], out UInt128 value))
        {
            return $"the subject '{statement.Subject}' is not an asset";
        }

        var asset = new Registry.AssetId(value);
        id = asset;
        var transitions = new List<Registry.PledgeTransition>();
        foreach (RecordStatementEntry entry in statement.Entries)
        {
            if (!PledgeRecord.TryDecode(entry.Record, out PledgeRecord? record, out string reason))
            {
                return $"the record at leaf {entry.LeafIndex} is not a pledge record: {reason}";
            }

            transitions.Add(record!.Transition);
        }

        if (transitions.Any(t => t.AssetId != asset))
        {
            return "a record is of another asset";
        }

        // Before the records are replayed: a statement that leaves records out may replay cleanly to a false picture.
        if (!Registry.EncumbranceClaimVerifier.TryVerify(file.ClaimNote, keys, checkpoint, asset, [.. transitions.Select(t => t.Number)], file.AskedAsOfEvent, out claim, out string claimProblem))
        {
            return claimProblem;
        }

        Registry.Encumbrance? replayed;
        try
        {
            replayed = Registry.EncumbranceView.Of(transitions, asset, file.AsOfEvent);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return "the records do not replay: " + e.Message;
        }

        if (replayed is null || transitions.Count == 0 || transitions[^1].Number != file.AsOfEvent)
        {
            return $"the records do not reach event {file.AsOfEvent}";
        }

        if (Lines(replayed) is var expected && Lines(file) is var stated && !expected.SequenceEqual(stated))
        {
            string differs = expected.Zip(stated).Select(p => p.First == p.Second ? null : $"replayed '{p.First}', stated '{p.Second}'").FirstOrDefault(s => s is not null)
                ?? $"replayed {expected.Count} lines, stated {stated.Count}";
            return "the statement's encumbrance is not what its records replay to: " + differs;
        }

        ulong[] secretLeaves = [.. replayed.SecretDeposits.Select(d => d.LeafIndex)];
        if (file.DepositReceiptsJson.Count != secretLeaves.Length)
        {
            return $"{file.DepositReceiptsJson.Count} deposit receipts for {secretLeaves.Length} secret deposits";
        }

        foreach (string receipt in file.DepositReceiptsJson)
        {
            ReceiptReport checkedReceipt = ReceiptVerifier.Verify(receipt, keys, null);
            if (!checkedReceipt.IsValid || checkedReceipt.LeafIndex is not ulong leaf || !secretLeaves.Contains(leaf))
            {
                return $"a deposit receipt does not verify for a secret deposit: {checkedReceipt.Verdict.Failure} {checkedReceipt.Verdict.Detail}";
            }
        }

        return null;
    }

    /// <summary>The encumbrance as comparable lines, from the replay.</summary>
    private static List<string> Lines(Registry.Encumbrance e) =>
    [
        $"as of {e.AsOfEventNumber}", $"owner {e.OwnerPartyId}", $"category {e.Category}", $"notice {e.Notice}",
        .. e.SecretDeposits.Select(d => $"deposit {d.LeafIndex} {d.Role} {d.UnitsRoot.Sha256.ToHex()} {d.UnitsRoot.Sm3.ToHex()} {d.UnitCount}"),
        .. e.Valuations.Select(v => $"valuation {v.AppraiserPartyId} {v.ValueFen} {Day(v.Date)} {v.ReportDigest.Sha256.ToHex()}"),
        .. e.PledgesInForce.Select(p => $"pledge {p.PledgeId} {p.State} {p.Rank} {p.SecuredFen} {Day(p.TermStart)} {Day(p.TermEnd)} {p.PledgeePartyId} {p.Enforceable} {p.ContractLeaf}"),
    ];

    /// <summary>The encumbrance as comparable lines, from the statement file.</summary>
    private static List<string> Lines(GetEncumbranceStatementResponse f) =>
    [
        $"as of {f.AsOfEvent}", $"owner {f.OwnerPartyId}", $"category {f.Category}", $"notice {f.Notice}",
        .. f.SecretDeposits.Select(d => $"deposit {d.LeafIndex} {d.RoleName} {Convert.ToHexStringLower(d.UnitsRoot.Sha256.Span)} {Convert.ToHexStringLower(d.UnitsRoot.Sm3.Span)} {d.UnitCount}"),
        .. f.Valuations.Select(v => $"valuation {v.AppraiserPartyId} {v.ValueFen} {v.Date} {Convert.ToHexStringLower(v.Report.Sha256.Span)}"),
        .. f.PledgesInForce.Select(p => $"pledge {Hex128.Of(p.PledgeId)} {p.StateName} {p.Rank} {p.SecuredFen} {p.TermStart} {p.TermEnd} {p.PledgeePartyId} {p.Enforceable} {p.ContractLeaf}"),
    ];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
