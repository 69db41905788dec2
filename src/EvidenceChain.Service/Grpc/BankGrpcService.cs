using System.Globalization;
using System.Text;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Escrow.Bank;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;
using BankStatementLineOutcome = EvidenceChain.Engine.Escrow.Bank.StatementLineOutcome;
using ClosingBalance = EvidenceChain.Ledger.Banking.ClosingBalance;
using InterestRule = EvidenceChain.Ledger.Banking.InterestRule;
using PaymentOrder = EvidenceChain.Engine.Escrow.Bank.PaymentOrder;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// The escrow ledger's bank desk over gRPC (docs/formats/bank-statement.md): thin methods that check
/// the wire shapes, ask the policy, and hand the work to <see cref="BankDesk"/>, which records
/// incidents, resolutions and reconciliations as leaves before it answers. A malformed statement is
/// INVALID_ARGUMENT naming its line and column; what happened to each line is its outcome, not a status.
/// </summary>
internal sealed class BankGrpcService(BankDesk desk, EscrowBook book, ILogStore store, BankDeskOptions options, CaseDesk cases, AccessGate gate) : BankService.BankServiceBase
{
    /// <summary>A request carries a statement file of up to 8 MiB and little else.</summary>
    public const int RequestLengthMaxBytes = StatementCsv.FileLengthMaxBytes + (64 * 1024);

    private const string DateFormat = "yyyy-MM-dd";

    private readonly Dictionary<AccountId, string> _bankAccountNumbers = options.BankAccounts.ToDictionary(p => p.Value, p => p.Key);

    public override async Task<ImportStatementResponse> ImportStatement(ImportStatementRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateBank);
        Statement statement = Parse(request.StatementCsv, "statement_csv");
        IReadOnlyList<BankStatementLineOutcome> lines = await StatusErrors.RunAsync(() => desk.ImportAsync(caller, statement, context.CancellationToken)).ConfigureAwait(false);
        var response = new ImportStatementResponse();
        response.Lines.AddRange(lines.Select(l => new BankLineOutcome
        {
            BankAccount = l.Line.BankAccount,
            Serial = l.Line.Serial,
            Status = (BankLineStatus)((int)l.Status + 1),
            StatusName = l.Status.ToString(),
            Disposition = l.Disposition is LineDisposition d ? (uint)d : 0,
            DispositionName = l.Disposition?.ToString() ?? string.Empty,
            MatchFailure = (uint)l.Failure,
            MatchFailureName = l.Failure.ToString(),
            TransferId = l.TransferId.Value == 0 ? ByteString.Empty : Bytes(l.TransferId.Value),
            LedgerResultName = l.LedgerResult?.ToString() ?? string.Empty,
            IncidentId = l.Incident is IncidentId incident ? Bytes(incident.Value) : ByteString.Empty,
        }));
        return response;
    }

    public override async Task<ReconcileResponse> Reconcile(ReconcileRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateBank);
        IReadOnlyList<ClosingBalance> closings = Closings(request);
        DateOnly date = request.Date.Length > 0
            ? Date(request.Date, "date")
            : closings.Select(c => c.Date).Distinct().ToList() is [DateOnly only]
                ? only
                : throw StatusErrors.Invalid("date", "give the day to reconcile: the closing balances are not all for one day");
        ReconciliationOutcome outcome = await StatusErrors.RunAsync(() => desk.ReconcileAsync(caller, date, closings, context.CancellationToken)).ConfigureAwait(false);
        switch (outcome.Refusal)
        {
            case ReconciliationRefusal.ClosingBalanceMissing:
                throw StatusErrors.Invalid("closings", $"escrow bank account {outcome.RefusedBankAccount} has no closing balance for {Text(date)}; nothing was recorded");
            case ReconciliationRefusal.UnknownBankAccount:
                throw StatusErrors.Invalid("closings", $"bank account {outcome.RefusedBankAccount} is not a configured escrow bank account (Bank:Accounts); nothing was recorded");
            case ReconciliationRefusal.AccountCountOutOfRange:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "no escrow bank account is configured (Bank:Accounts), so there is nothing to reconcile"));
        }

        ulong leafIndex = outcome.LeafIndex!.Value;
        var response = new ReconcileResponse { Date = Text(date), LeafIndex = leafIndex, Balanced = outcome.Reconciliation!.IsBalanced };
        response.Rows.AddRange(outcome.Reconciliation.Rows.Select(r => new BankReconciliationRow
        {
            BankAccount = _bankAccountNumbers[r.Account],
            AccountId = Bytes(r.Account.Value),
            LedgerBalanceFen = r.LedgerBalanceFen,
            StatementClosingFen = r.StatementClosingFen,
            DifferenceFen = r.DifferenceFen,
            IncidentId = r.IsBalanced ? ByteString.Empty : Bytes(BankIds.ReconciliationIncidentId(r.Account, date, leafIndex).Value),
        }));
        return response;
    }

    public override Task<ListIncidentsResponse> ListIncidents(ListIncidentsRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadBank);
        var response = new ListIncidentsResponse();
        foreach (BankIncidentStanding standing in desk.Incidents)
        {
            BankIncident incident = standing.Incident;
            var entry = new BankIncidentEntry
            {
                Id = Bytes(incident.Id.Value),
                BankAccount = _bankAccountNumbers.TryGetValue(incident.BankAccount, out string? number) ? number : string.Empty,
                Cause = (uint)incident.Cause,
                CauseName = incident.Cause.ToString(),
                MatchFailure = (uint)incident.Failure,
                MatchFailureName = incident.Failure.ToString(),
                LedgerResult = incident.LedgerResult,
                Date = Text(incident.Date),
                AmountFen = incident.AmountFen,
                Serial = incident.Serial,
                LeafIndex = standing.LeafIndex,
                Open = standing.IsOpen,
                ResolutionNote = standing.Resolution?.Note ?? string.Empty,
                ResolutionLeafIndex = standing.ResolutionLeafIndex ?? 0,
            };
            if (standing.Resolution?.EvidenceLeafIndex is ulong evidence)
            {
                entry.EvidenceLeafIndex = evidence;
            }

            response.Incidents.Add(entry);
        }

        return Task.FromResult(response);
    }

    public override async Task<ResolveIncidentResponse> ResolveIncident(ResolveIncidentRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateBank);
        var id = new IncidentId(Id(request.IncidentId, "incident_id"));
        int noteBytes = Encoding.UTF8.GetByteCount(request.Note);
        if (noteBytes is 0 or > BankRecord.NoteLengthMaxBytes)
        {
            throw StatusErrors.Invalid("note", $"say what was found and done in 1 to {BankRecord.NoteLengthMaxBytes} bytes of UTF-8, not {noteBytes}");
        }

        ulong? evidence = request.HasEvidenceLeafIndex ? request.EvidenceLeafIndex : null;
        if (evidence is ulong leaf && leaf >= store.LeafCount)
        {
            throw StatusErrors.Invalid("evidence_leaf_index", $"the log has {store.LeafCount} leaves, so there is no leaf {leaf}");
        }

        ulong leafIndex = await StatusErrors.RunAsync(() => desk.ResolveAsync(caller, new IncidentResolution(id, evidence, request.Note), context.CancellationToken)).ConfigureAwait(false);
        return new ResolveIncidentResponse { LeafIndex = leafIndex };
    }

    public override async Task<ExportInstructionsResponse> ExportInstructions(ExportInstructionsRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.OperateBank);
        if (request.Orders.Count is 0 or > PaymentInstructionCsv.InstructionCountMax)
        {
            throw StatusErrors.Invalid("orders", $"give 1 to {PaymentInstructionCsv.InstructionCountMax}, not {request.Orders.Count}");
        }

        var orders = new List<PaymentOrder>(request.Orders.Count);
        for (int i = 0; i < request.Orders.Count; i++)
        {
            BankPaymentOrder order = request.Orders[i];
            var id = new TransferId(Id(order.TransferId, $"orders[{i}].transfer_id"));
            if (book.StateOf(id) != TransferState.Pending || !_bankAccountNumbers.ContainsKey(book.FindTransfer(id)!.CreditAccountId))
            {
                throw StatusErrors.Invalid($"orders[{i}].transfer_id", $"transfer {id.Value:x32} is not a pending payout (still pending, crediting an escrow bank account)");
            }

            if (!StatementCsv.IsAccountNumber(order.PayeeAccount))
            {
                throw StatusErrors.Invalid($"orders[{i}].payee_account", $"an account number is 1 to 34 of 0-9 and A-Z, not '{order.PayeeAccount}'");
            }

            if (order.PayeeName.Length is 0 or > PaymentInstructionCsv.PayeeNameLengthMax || order.PayeeName.Any(c => char.IsControl(c) || c is ',' or '"'))
            {
                throw StatusErrors.Invalid($"orders[{i}].payee_name", $"a payee name is 1 to {PaymentInstructionCsv.PayeeNameLengthMax} characters without comma, quote or control character");
            }

            orders.Add(new PaymentOrder(id, order.PayeeAccount, order.PayeeName));
        }

        var sink = new InstructionText();
        await StatusErrors.RunAsync(() => desk.ExportInstructionsAsync(orders, sink, context.CancellationToken)).ConfigureAwait(false);
        return new ExportInstructionsResponse { InstructionsCsv = sink.Text };
    }

    public override async Task<AllocateInterestResponse> AllocateInterest(AllocateInterestRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateBank);
        var interest = new TransferId(Id(request.InterestTransferId, "interest_transfer_id"));
        DateOnly first = Date(request.FirstDay, "first_day");
        DateOnly last = Date(request.LastDay, "last_day");
        if (request.Claims.Count > 0 == request.CaseIds.Count > 0)
        {
            throw StatusErrors.Invalid("claims", "give the sub-accounts' claims or the cases whose sub-accounts claim, one of the two");
        }

        if (request.Claims.Count > InterestAllocation.SubAccountCountMax || request.CaseIds.Count > InterestAllocation.SubAccountCountMax)
        {
            throw StatusErrors.Invalid("claims", $"give at most {InterestAllocation.SubAccountCountMax} sub-accounts or cases");
        }

        var claims = new List<InterestClaim>(request.Claims.Count);
        for (int i = 0; i < request.CaseIds.Count; i++)
        {
            var caseId = new CaseId(Id(request.CaseIds[i], $"case_ids[{i}]"));
            MortgageCase current = cases.Find(caseId)?.Case ?? throw (cases.FindSale(caseId) is null
                ? new RpcException(new Status(StatusCode.NotFound, $"case_ids[{i}]: there is no case {caseId}"))
                : StatusErrors.Invalid($"case_ids[{i}]", $"case {caseId} is a 带封过户 case: who earns its interest is the court's to decide, so name its sub-accounts' claims instead"));
            IReadOnlyList<InterestClaim> ofCase = CaseInterest.ClaimsOf(current);
            claims.AddRange(ofCase.Count > 0 ? ofCase : throw StatusErrors.Invalid($"case_ids[{i}]", $"case {caseId} has no notarized agreement, so no sub-accounts and no interest rule yet"));
        }

        var named = new HashSet<AccountId>();
        for (int i = 0; i < request.Claims.Count; i++)
        {
            BankInterestClaim claim = request.Claims[i];
            var subAccount = new AccountId(Id(claim.SubAccount, $"claims[{i}].sub_account"));
            if (!named.Add(subAccount))
            {
                throw StatusErrors.Invalid($"claims[{i}].sub_account", $"sub-account {subAccount.Value:x32} is named twice");
            }

            InterestRule rule = claim.Rule switch
            {
                BankInterestRule.Unspecified or BankInterestRule.ToPayee => InterestRule.ToPayee,
                BankInterestRule.FollowsBalance => InterestRule.FollowsBalance,
                _ => throw StatusErrors.Invalid($"claims[{i}].rule", $"the rule is TO_PAYEE (1) or FOLLOWS_BALANCE (2), not {(int)claim.Rule}"),
            };
            AccountId payee = rule == InterestRule.ToPayee
                ? new AccountId(Id(claim.Payee, $"claims[{i}].payee"))
                : claim.Payee.IsEmpty ? default : throw StatusErrors.Invalid($"claims[{i}].payee", "a sub-account that keeps its own interest (FOLLOWS_BALANCE) names no payee");
            claims.Add(new InterestClaim(subAccount, rule, payee));
        }

        InterestOutcome outcome = await StatusErrors.RunAsync(() => desk.AllocateInterestAsync(caller, interest, first, last, claims, context.CancellationToken)).ConfigureAwait(false);
        switch (outcome.Refusal)
        {
            case InterestAllocationRefusal.None:
                break;
            case InterestAllocationRefusal.DailyBalanceMustNotBeNegative:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "a sub-account's balance is negative on a day of the period when each change counts from its bank value date (a change without one from its booking day): money left it before it arrived; allocate over a period in which every balance is settled, or by hand; nothing was booked"));
            case InterestAllocationRefusal.NoBalanceEarnedIt:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "no sub-account named had a balance on any day of the period, so none earned the interest; nothing was booked"));
            default:
                throw StatusErrors.Invalid("claims", $"the allocation was refused ({outcome.Refusal}); nothing was booked");
        }

        var response = new AllocateInterestResponse { BatchNumber = outcome.Batch?.BatchNumber ?? 0, LeafIndex = outcome.Batch?.LeafIndex ?? 0 };
        Dictionary<AccountId, InterestWeight> weights = outcome.Weights.ToDictionary(w => w.SubAccount);
        response.Shares.AddRange(outcome.Allocation!.Shares.Select(s => new BankInterestShare
        {
            SubAccount = Bytes(s.SubAccount.Value),
            Recipient = Bytes(s.Recipient.Value),
            WeightFenDays = weights[s.SubAccount].FenDays.ToString(CultureInfo.InvariantCulture),
            AmountFen = s.AmountFen,
        }));
        IReadOnlyList<(AccountId Recipient, long AmountFen)> byRecipient = outcome.Allocation.ByRecipient();
        for (int i = 0; i < byRecipient.Count && outcome.Batch is not null; i++)
        {
            response.Transfers.Add(new BankInterestTransfer
            {
                Recipient = Bytes(byRecipient[i].Recipient.Value),
                AmountFen = byRecipient[i].AmountFen,
                TransferId = Bytes(BankIds.InterestShareId(interest, byRecipient[i].Recipient).Value),
                ResultName = outcome.Batch.TransferResults[i].ToString(),
            });
        }

        return response;
    }

    private static Statement Parse(ByteString file, string field)
    {
        if (file.IsEmpty)
        {
            throw StatusErrors.Invalid(field, "give the statement file's bytes (docs/formats/bank-statement.md)");
        }

        StatementParse parse = StatementCsv.Parse(file.Span);
        return parse.Statement ?? throw StatusErrors.Invalid(field, $"{parse.Error} [{parse.Error!.Problem}]; nothing was imported");
    }

    private static List<ClosingBalance> Closings(ReconcileRequest request)
    {
        if (request.Closings.Count > 0 == !request.StatementCsv.IsEmpty)
        {
            throw StatusErrors.Invalid("closings", "give the closing balances either as closings or as a statement file (statement_csv), one of the two");
        }

        if (!request.StatementCsv.IsEmpty)
        {
            return [.. Parse(request.StatementCsv, "statement_csv").Closings];
        }

        if (request.Closings.Count > Reconciliation.AccountCountMax)
        {
            throw StatusErrors.Invalid("closings", $"give at most {Reconciliation.AccountCountMax}, not {request.Closings.Count}");
        }

        return [.. request.Closings.Select((c, i) => new ClosingBalance(
            StatementCsv.IsAccountNumber(c.BankAccount) ? c.BankAccount : throw StatusErrors.Invalid($"closings[{i}].bank_account", $"an account number is 1 to 34 of 0-9 and A-Z, not '{c.BankAccount}'"),
            Date(c.Date, $"closings[{i}].date"),
            c.AmountFen >= 0 ? c.AmountFen : throw StatusErrors.Invalid($"closings[{i}].amount_fen", $"a closing balance is 0 fen or more, not {c.AmountFen}")))];
    }

    private static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw StatusErrors.Invalid(field, $"a date is YYYY-MM-DD, not '{text}'");

    private static string Text(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static UInt128 Id(ByteString bytes, string field) => WireIds.Read(bytes, field);

    private static ByteString Bytes(UInt128 value) => WireIds.Bytes(value);

    /// <summary>The instructions as the CSV text of the format, for the caller to hand to the bank.</summary>
    private sealed class InstructionText : IPaymentInstructionSink
    {
        public string Text { get; private set; } = string.Empty;

        public Task WriteAsync(IReadOnlyList<PaymentInstruction> instructions, CancellationToken cancellationToken)
        {
            Text = Encoding.UTF8.GetString(PaymentInstructionCsv.Write(instructions));
            return Task.CompletedTask;
        }
    }
}
