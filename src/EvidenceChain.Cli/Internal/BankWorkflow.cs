using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>bank</c> commands over <c>BankService</c>: a statement file imported or reconciled (the
/// server checks it and names a fault's line and column), incidents listed and resolved, payment
/// instructions for pending payouts saved as the bank's CSV.
/// </summary>
internal static class BankWorkflow
{
    public static async Task<ExitCode> ImportAsync(CliContext context, BankText bank, ServerChoice server, string statementPath, CancellationToken cancellationToken)
    {
        ByteString statement = ReadStatement(statementPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ImportStatementResponse response = await connection.ImportStatementAsync(new ImportStatementRequest { StatementCsv = statement }, cancellationToken).ConfigureAwait(false);
        foreach (BankLineOutcome line in response.Lines)
        {
            context.Output.WriteLine(bank.Line(line.Serial, line.StatusName, line.DispositionName, line.MatchFailureName));
            if (!line.IncidentId.IsEmpty)
            {
                context.Output.WriteLine(bank.IncidentOpened(Hex(line.IncidentId)));
            }
        }

        context.Output.WriteLine(bank.ImportSummary(
            response.Lines.Count(l => l.Status == BankLineStatus.Booked),
            response.Lines.Count(l => l.Status == BankLineStatus.AlreadyImported),
            response.Lines.Count(l => l.Status == BankLineStatus.IncidentRaised),
            response.Lines.Count(l => l.Status is BankLineStatus.UnknownBankAccount or BankLineStatus.DuplicateSerialWithDifferentContent)));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ReconcileAsync(CliContext context, BankText bank, ServerChoice server, string statementPath, string? date, CancellationToken cancellationToken)
    {
        if (date is not null)
        {
            Day(date);
        }

        ByteString statement = ReadStatement(statementPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ReconcileResponse response = await connection.ReconcileAsync(new ReconcileRequest { Date = date ?? string.Empty, StatementCsv = statement }, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(bank.Reconciled(response.Date, response.LeafIndex, response.Balanced));
        foreach (BankReconciliationRow row in response.Rows)
        {
            context.Output.WriteLine(bank.Row(row.BankAccount, row.LedgerBalanceFen, row.StatementClosingFen, row.DifferenceFen));
            if (!row.IncidentId.IsEmpty)
            {
                context.Output.WriteLine(bank.IncidentOpened(Hex(row.IncidentId)));
            }
        }

        return ExitCode.Success;
    }

    public static async Task<ExitCode> IncidentsAsync(CliContext context, BankText bank, ServerChoice server, bool openOnly, CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ListIncidentsResponse response = await connection.ListIncidentsAsync(cancellationToken).ConfigureAwait(false);
        List<BankIncidentEntry> incidents = [.. response.Incidents.Where(i => i.Open || !openOnly)];
        if (incidents.Count == 0)
        {
            context.Output.WriteLine(bank.NoIncidents);
        }

        foreach (BankIncidentEntry incident in incidents)
        {
            context.Output.WriteLine(bank.Incident(Hex(incident.Id), incident.Open, incident.CauseName, incident.BankAccount, incident.Date, incident.AmountFen, incident.Serial));
            if (!incident.Open)
            {
                context.Output.WriteLine(bank.Resolution(incident.ResolutionNote, incident.ResolutionLeafIndex));
            }
        }

        return ExitCode.Success;
    }

    public static async Task<ExitCode> ResolveAsync(CliContext context, BankText bank, ServerChoice server, string incidentHex, string note, ulong? evidenceLeafIndex, CancellationToken cancellationToken)
    {
        var request = new ResolveIncidentRequest { IncidentId = Id(incidentHex, OnlineProblem.IncidentIdMalformed, incidentHex), Note = note };
        if (evidenceLeafIndex is ulong leaf)
        {
            request.EvidenceLeafIndex = leaf;
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ResolveIncidentResponse response = await connection.ResolveIncidentAsync(request, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(bank.Resolved(incidentHex, response.LeafIndex));
        return ExitCode.Success;
    }

    /// <summary>Each order is <c>TRANSFER_ID,PAYEE_ACCOUNT,PAYEE_NAME</c> (a payee name holds no comma).</summary>
    public static async Task<ExitCode> ExportAsync(CliContext context, BankText bank, ServerChoice server, IReadOnlyList<string> orders, string outPath, CancellationToken cancellationToken)
    {
        var request = new ExportInstructionsRequest();
        foreach (string order in orders)
        {
            string[] parts = order.Split(',');
            if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0)
            {
                throw new OnlineInputException(OnlineProblem.PaymentOrderMalformed, order);
            }

            request.Orders.Add(new BankPaymentOrder { TransferId = Id(parts[0], OnlineProblem.PaymentOrderMalformed, order), PayeeAccount = parts[1], PayeeName = parts[2] });
        }

        if (File.Exists(outPath) || Directory.Exists(outPath))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ExportInstructionsResponse response = await connection.ExportInstructionsAsync(request, cancellationToken).ConfigureAwait(false);
        OutputFile.WriteNew(outPath, response.InstructionsCsv, ownerOnly: true);
        context.Output.WriteLine(bank.Exported(request.Orders.Count, outPath));
        return ExitCode.Success;
    }

    /// <summary>Each claim is <c>SUB_ACCOUNT,PAYEE</c> (the payee receives its interest, the default rule) or <c>SUB_ACCOUNT,self</c> (it keeps its own).</summary>
    public static async Task<ExitCode> AllocateInterestAsync(CliContext context, BankText bank, ServerChoice server, string interestHex, string first, string last, IReadOnlyList<string> claims, CancellationToken cancellationToken)
    {
        var request = new AllocateInterestRequest { InterestTransferId = Id(interestHex, OnlineProblem.TransferIdMalformed, interestHex), FirstDay = Day(first), LastDay = Day(last) };
        foreach (string claim in claims)
        {
            string[] parts = claim.Split(',');
            if (parts.Length != 2)
            {
                throw new OnlineInputException(OnlineProblem.InterestClaimMalformed, claim);
            }

            request.Claims.Add(parts[1] == "self"
                ? new BankInterestClaim { SubAccount = Id(parts[0], OnlineProblem.InterestClaimMalformed, claim), Rule = BankInterestRule.FollowsBalance }
                : new BankInterestClaim { SubAccount = Id(parts[0], OnlineProblem.InterestClaimMalformed, claim), Rule = BankInterestRule.ToPayee, Payee = Id(parts[1], OnlineProblem.InterestClaimMalformed, claim) });
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        AllocateInterestResponse response = await connection.AllocateInterestAsync(request, cancellationToken).ConfigureAwait(false);
        foreach (BankInterestShare share in response.Shares)
        {
            context.Output.WriteLine(bank.InterestShare(Hex(share.SubAccount), share.WeightFenDays, share.AmountFen, Hex(share.Recipient)));
        }

        foreach (BankInterestTransfer transfer in response.Transfers)
        {
            context.Output.WriteLine(bank.InterestTransfer(Hex(transfer.TransferId), Hex(transfer.Recipient), transfer.AmountFen, transfer.ResultName));
        }

        context.Output.WriteLine(bank.InterestAllocated(first, last, response.Transfers.Count > 0 ? response.LeafIndex : null));
        return ExitCode.Success;
    }

    /// <summary>The file's bytes exactly, as the format is defined over bytes; a file over the format's limit is refused unread.</summary>
    private static ByteString ReadStatement(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        try
        {
            long length = new FileInfo(path).Length;
            if (length > StatementCsv.FileLengthMaxBytes)
            {
                throw new OnlineInputException(OnlineProblem.StatementFileTooLarge, path, length.ToString(CultureInfo.InvariantCulture));
            }

            return ByteString.CopyFrom(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }
    }

    /// <summary>The day exactly as typed, once it is one (YYYY-MM-DD).</summary>
    private static string Day(string text)
    {
        _ = IsoDay.Parse(text);
        return text;
    }

    private static ByteString Id(string hex, OnlineProblem problem, string subject) =>
        Hex128.TryParse(hex, out UInt128 value) ? Hex128.Bytes(value) : throw new OnlineInputException(problem, subject);

    private static string Hex(ByteString id) => Hex128.Of(id);
}
