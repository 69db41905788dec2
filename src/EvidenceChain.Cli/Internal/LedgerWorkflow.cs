using System.Buffers.Binary;
using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>ledger statement</c> fetches an account's statement (verified when trusted keys are configured,
/// saved with <c>--out</c>); <c>ledger verify</c> checks a saved statement offline, as a court does:
/// the checkpoint, every batch's leaf and proof, then the account's history from its creation.
/// </summary>
internal static class LedgerWorkflow
{
    /// <summary>A statement holds at most 1,000 batches of up to about 1 MB each; far larger files are the wrong file.</summary>
    private const int StatementFileLengthMaxBytes = 64 * 1024 * 1024;

    private const string AccountPrefix = "account:";

    public static async Task<ExitCode> StatementAsync(
        CliContext context,
        OnlineText text,
        LedgerText ledger,
        ServerChoice server,
        string accountHex,
        ulong from,
        string? outPath,
        IReadOnlyList<string> keyArguments,
        string? trustFile,
        CancellationToken cancellationToken)
    {
        UInt128 account = ParseAccount(accountHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(keyArguments, trustFile, context);
        if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }

        byte[] id = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(id, account);
        GetAccountStatementResponse response = await connection.GetAccountStatementAsync(
            new GetAccountStatementRequest { AccountId = ByteString.CopyFrom(id), FromLeafIndex = from },
            cancellationToken).ConfigureAwait(false);
        string subject = text.CheckpointFrom(connection.Address);
        Verdict parsed = RecordStatement.TryParse(response.StatementJson, out RecordStatement? statement);
        if (!parsed.IsValid)
        {
            throw new InvalidAnswerException(subject, parsed);
        }

        if (trusted is null)
        {
            Write(context.Output, ledger, statement!, Decode(statement!), null);
            context.Output.WriteLine(ledger.NotVerified);
        }
        else
        {
            (IReadOnlyList<LedgerBatchRecord> records, AccountBalance balance) = Check(statement!, trusted, from == 0, out Verdict verdict);
            if (!verdict.IsValid)
            {
                throw new InvalidAnswerException(subject, verdict);
            }

            Write(context.Output, ledger, statement!, records, balance);
            context.Output.WriteLine(ledger.Verified);
        }

        if (statement!.Entries.Count == RecordStatement.EntriesMax)
        {
            context.Output.WriteLine(ledger.NextPage(response.NextLeafIndex));
        }

        if (outPath is not null)
        {
            OutputFile.WriteNew(outPath, response.StatementJson, ownerOnly: true);
            context.Output.WriteLine(ledger.Saved(outPath));
        }

        return ExitCode.Success;
    }

    /// <summary>Verifies a saved statement with the trusted keys only; 0 valid, 1 invalid.</summary>
    public static ExitCode Verify(CliContext context, ReportText report, LedgerText ledger, string statementPath, IReadOnlyList<string> keyArguments, string? trustFile)
    {
        TrustedKeySet trusted = TrustedKeys.Load(keyArguments, trustFile, context);
        Verdict verdict = RecordStatement.TryParse(InputFile.ReadText(statementPath, StatementFileLengthMaxBytes), out RecordStatement? statement);
        IReadOnlyList<LedgerBatchRecord> records = [];
        AccountBalance balance = default;
        if (verdict.IsValid)
        {
            (records, balance) = Check(statement!, trusted, fromCreation: true, out verdict);
        }

        if (!verdict.IsValid)
        {
            context.Output.WriteLine(report.Failure(verdict.Failure) + ": " + verdict.Detail);
            return ExitCode.Invalid;
        }

        Write(context.Output, ledger, statement!, records, balance);
        context.Output.WriteLine(ledger.Verified);
        return ExitCode.Success;
    }

    /// <summary>The statement's proofs, then its records, then the account's history from its creation (a later page is checked for proofs and records only).</summary>
    private static (IReadOnlyList<LedgerBatchRecord> Records, AccountBalance Balance) Check(RecordStatement statement, TrustedKeySet trusted, bool fromCreation, out Verdict verdict)
    {
        verdict = statement.Verify(trusted.Keys, LeafType.LedgerBatch, out _, out _);
        if (!verdict.IsValid)
        {
            return ([], default);
        }

        if (!statement.Subject.StartsWith(AccountPrefix, StringComparison.Ordinal)
            || !UInt128.TryParse(statement.Subject.AsSpan(AccountPrefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 account))
        {
            verdict = Verdict.Fail(VerificationFailure.MalformedStatement, $"the subject '{statement.Subject}' is not a ledger account");
            return ([], default);
        }

        var records = new List<LedgerBatchRecord>();
        foreach (RecordStatementEntry entry in statement.Entries)
        {
            if (!LedgerBatchRecord.TryDecode(entry.Record, out LedgerBatchRecord? record, out string reason))
            {
                verdict = Verdict.Fail(VerificationFailure.MalformedRecord, $"the record of leaf {entry.LeafIndex}: {reason}");
                return ([], default);
            }

            records.Add(record!);
        }

        AccountBalance balance = default;
        if (fromCreation && !AccountHistory.TryFollow(new AccountId(account), records, out balance, out string problem))
        {
            verdict = Verdict.Fail(VerificationFailure.AccountHistoryBroken, problem);
            return ([], default);
        }

        verdict = Verdict.Valid;
        return (records, fromCreation ? balance : default);
    }

    private static List<LedgerBatchRecord> Decode(RecordStatement statement) =>
        [.. statement.Entries.Select(e => LedgerBatchRecord.TryDecode(e.Record, out LedgerBatchRecord? record, out _) ? record : null).OfType<LedgerBatchRecord>()];

    private static void Write(TextWriter output, LedgerText ledger, RecordStatement statement, IReadOnlyList<LedgerBatchRecord> records, AccountBalance? balance)
    {
        ulong size = statement.StatedTreeSize;
        output.WriteLine(ledger.Heading(statement.Subject, records.Count, size));
        for (int i = 0; i < records.Count; i++)
        {
            output.WriteLine(ledger.Batch(records[i].BatchNumber, statement.Entries[i].LeafIndex));
        }

        if (balance is AccountBalance known)
        {
            output.WriteLine(ledger.Balance(known));
        }
    }

    private static UInt128 ParseAccount(string hex) =>
        Hex128.TryParse(hex, out UInt128 account) ? account : throw new OnlineInputException(OnlineProblem.AccountIdMalformed, hex);
}
