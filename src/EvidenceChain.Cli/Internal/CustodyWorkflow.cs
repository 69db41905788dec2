using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>custody trail</c> fetches a page of a party's custody trail (verified when trusted keys are
/// configured, and saved with <c>--out</c>); <c>custody verify</c> checks a saved trail offline
/// against the log's keys, as an auditor or a court does (custody-event.md §Trail).
/// </summary>
internal static class CustodyWorkflow
{
    /// <summary>A trail file holds at most 1,000 events of a few hundred bytes each, with their proofs.</summary>
    private const int TrailFileLengthMaxBytes = 8 * 1024 * 1024;

    private const string PartyPrefix = "party:";

    public static async Task<ExitCode> TrailAsync(
        CliContext context,
        OnlineText text,
        CustodyText custody,
        ServerChoice server,
        string? partyId,
        ulong from,
        string? outPath,
        IReadOnlyList<string> keyArguments,
        string? trustFile,
        CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(keyArguments, trustFile, context);
        if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }

        GetCustodyTrailResponse page = await connection.GetCustodyTrailAsync(
            new GetCustodyTrailRequest { PartyId = partyId ?? string.Empty, FromLeafIndex = from, Limit = RecordStatement.EntriesMax },
            cancellationToken).ConfigureAwait(false);
        string subject = text.CheckpointFrom(connection.Address);
        Verdict parsed = RecordStatement.TryParse(page.TrailJson, out RecordStatement? trail);
        if (!parsed.IsValid)
        {
            throw new InvalidAnswerException(subject, parsed);
        }

        if (trusted is null)
        {
            Write(context.Output, custody, trail!, Decode(trail!));
            context.Output.WriteLine(custody.NotVerified);
        }
        else
        {
            Verdict verdict = CustodyTrail.Verify(trail!, trusted.Keys, out _, out IReadOnlyList<CustodyRecord> records);
            if (!verdict.IsValid)
            {
                throw new InvalidAnswerException(subject, verdict);
            }

            Write(context.Output, custody, trail!, records);
            context.Output.WriteLine(custody.Verified);
        }

        if (page.NextLeafIndex > from && trail!.Entries.Count == RecordStatement.EntriesMax)
        {
            context.Output.WriteLine(custody.NextPage(page.NextLeafIndex));
        }

        if (page.MorePending)
        {
            context.Output.WriteLine(custody.Pending);
        }

        if (outPath is not null)
        {
            OutputFile.WriteNew(outPath, page.TrailJson, ownerOnly: true);
            context.Output.WriteLine(custody.Saved(outPath));
        }

        return ExitCode.Success;
    }

    /// <summary>Verifies a saved trail with the trusted keys only; 0 valid, 1 invalid.</summary>
    public static ExitCode Verify(CliContext context, ReportText report, CustodyText custody, string trailPath, IReadOnlyList<string> keyArguments, string? trustFile)
    {
        TrustedKeySet trusted = TrustedKeys.Load(keyArguments, trustFile, context);
        Verdict verdict = RecordStatement.TryParse(InputFile.ReadText(trailPath, TrailFileLengthMaxBytes), out RecordStatement? trail);
        IReadOnlyList<CustodyRecord> records = [];
        if (verdict.IsValid)
        {
            verdict = CustodyTrail.Verify(trail!, trusted.Keys, out _, out records);
        }

        if (!verdict.IsValid)
        {
            context.Output.WriteLine(report.Failure(verdict.Failure) + ": " + verdict.Detail);
            return ExitCode.Invalid;
        }

        Write(context.Output, custody, trail!, records);
        context.Output.WriteLine(custody.Verified);
        context.Output.WriteLine(custody.Completeness);
        return ExitCode.Success;
    }

    /// <summary>An unverified trail's records, for display only; one that does not decode is shown as nothing.</summary>
    private static List<CustodyRecord> Decode(RecordStatement trail) =>
        [.. trail.Entries.Select(e => CustodyRecord.TryDecode(e.Record, out CustodyRecord? record, out _) ? record : null).OfType<CustodyRecord>()];

    private static void Write(TextWriter output, CustodyText custody, RecordStatement trail, IReadOnlyList<CustodyRecord> records)
    {
        ulong size = trail.StatedTreeSize;
        string party = trail.Subject.StartsWith(PartyPrefix, StringComparison.Ordinal) ? trail.Subject[PartyPrefix.Length..] : trail.Subject;
        output.WriteLine(custody.Heading(party, records.Count, size));
        for (int i = 0; i < records.Count; i++)
        {
            CustodyRecord record = records[i];
            output.WriteLine(custody.Event(
                trail.Entries[i].LeafIndex,
                DateTimeOffset.FromUnixTimeMilliseconds(record.RecordedAtMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                custody.Actions.TryGetValue(record.Action, out string? action) ? action : record.Action.ToString(),
                record.Actor is null ? custody.Anonymous : $"{record.Actor.PartyId} ({record.ActorRole})",
                record.Concerned.Count == 0 ? custody.Nobody : string.Join(", ", record.Concerned.Select(p => p.PartyId)),
                $"{record.SubjectKind} {Convert.ToHexStringLower(record.Subject)}",
                record.Detail));
        }
    }
}
