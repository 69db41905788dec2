using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;
using Account = EvidenceChain.Ledger.Escrow.Account;
using AccountKind = EvidenceChain.Ledger.Escrow.AccountKind;
using Transfer = EvidenceChain.Ledger.Escrow.Transfer;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// The escrow ledger over gRPC: thin methods that check the wire shapes (ids of 16 bytes, batch
/// sizes), ask the policy, and hand whole batches to <see cref="EscrowBook"/>, which answers once
/// the batch's leaf is durable. A rule a transfer breaks is its result, not a status.
/// </summary>
internal sealed partial class EscrowGrpcService(EscrowBook book, RecordStatements statements, CaseDesk cases, RawPayouts rawPayouts, AccessGate gate) : EscrowService.EscrowServiceBase
{
    /// <summary>The most events one request carries (the ledger takes up to 8,190; a request stays well inside the message limit).</summary>
    public const int EventsPerRequestMax = 1000;

    public override async Task<CreateAccountsResponse> CreateAccounts(CreateAccountsRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateLedger);
        CheckCount("accounts", request.Accounts.Count);
        List<Account> accounts = [.. request.Accounts.Select((a, i) => new Account(
            new AccountId(Id(a.Id, $"accounts[{i}].id")),
            (AccountKind)a.Kind,
            a.Ledger,
            Code(a.Code, $"accounts[{i}].code"),
            (AccountFlags)Flags(a.Flags, $"accounts[{i}].flags"),
            OptionalId(a.UserData128, $"accounts[{i}].user_data_128"),
            a.UserData64,
            a.UserData32))];
        LedgerBatchOutcome outcome = await StatusErrors.RunAsync(() => book.CreateAccountsAsync(caller, accounts, context.CancellationToken)).ConfigureAwait(false);
        var response = new CreateAccountsResponse { BatchNumber = outcome.BatchNumber, LeafIndex = outcome.LeafIndex };
        response.Results.AddRange(outcome.AccountResults.Select(r => (uint)r));
        response.ResultNames.AddRange(outcome.AccountResults.Select(r => r.ToString()));
        return response;
    }

    public override async Task<CreateTransfersResponse> CreateTransfers(CreateTransfersRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.OperateLedger);
        CheckCount("transfers", request.Transfers.Count);
        List<Transfer> transfers = [.. request.Transfers.Select((t, i) => new Transfer(
            new TransferId(Id(t.Id, $"transfers[{i}].id")),
            new AccountId(Id(t.DebitAccountId, $"transfers[{i}].debit_account_id")),
            new AccountId(Id(t.CreditAccountId, $"transfers[{i}].credit_account_id")),
            t.AmountFen,
            t.Ledger,
            Code(t.Code, $"transfers[{i}].code"),
            (TransferFlags)Flags(t.Flags, $"transfers[{i}].flags"),
            new TransferId(OptionalId(t.PendingId, $"transfers[{i}].pending_id")),
            new TransferId(OptionalId(t.ReversedId, $"transfers[{i}].reversed_id")),
            OptionalId(t.UserData128, $"transfers[{i}].user_data_128"),
            t.UserData64,
            t.UserData32))];
        for (int i = 0; i < transfers.Count && !rawPayouts.Allowed; i++)
        {
            if (PayoutHoldRule.IsPayout(transfers[i], book.FindAccount(transfers[i].CreditAccountId)))
            {
                throw new RpcException(new Status(
                    StatusCode.FailedPrecondition,
                    $"transfers[{i}] moves money out of escrow bank account {transfers[i].CreditAccountId.Value:x32}: payouts are made by cases, on verified evidence and two notaries' approvals (docs/cases.md; Ledger:AllowRawPayouts); nothing was applied"));
            }
        }

        LedgerBatchOutcome outcome = await StatusErrors.RunAsync(() => book.CreateTransfersAsync(caller, transfers, context.CancellationToken)).ConfigureAwait(false);
        var response = new CreateTransfersResponse { BatchNumber = outcome.BatchNumber, LeafIndex = outcome.LeafIndex };
        response.Results.AddRange(outcome.TransferResults.Select(r => (uint)r));
        response.ResultNames.AddRange(outcome.TransferResults.Select(r => r.ToString()));
        return response;
    }

    public override Task<LookupAccountsResponse> LookupAccounts(LookupAccountsRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadLedger);
        CheckCount("ids", request.Ids.Count);
        var response = new LookupAccountsResponse();
        for (int i = 0; i < request.Ids.Count; i++)
        {
            var id = new AccountId(Id(request.Ids[i], $"ids[{i}]"));
            if (book.FindAccount(id) is Account account && book.BalanceOf(id) is AccountBalance balance)
            {
                response.Accounts.Add(new AccountWithBalance
                {
                    Account = ToProto(account),
                    DebitsPending = balance.DebitsPending,
                    DebitsPosted = balance.DebitsPosted,
                    CreditsPending = balance.CreditsPending,
                    CreditsPosted = balance.CreditsPosted,
                });
            }
        }

        return Task.FromResult(response);
    }

    public override Task<GetAccountStatementResponse> GetAccountStatement(GetAccountStatementRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadLedger);
        var account = new AccountId(Id(request.AccountId, "account_id"));
        if (book.FindAccount(account) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"there is no ledger account {account.Value:x32}"));
        }

        Core.Records.RecordStatement statement = StatusErrors.Run(() => statements.StatementOf(
            LeafRecord.AccountKey(account.Value), request.FromLeafIndex, request.Limit == 0 ? Core.Records.RecordStatement.EntriesMax : (int)Math.Min(request.Limit, int.MaxValue)));
        return Task.FromResult(new GetAccountStatementResponse
        {
            StatementJson = statement.ToJson(),
            NextLeafIndex = statement.Entries.Count == 0 ? request.FromLeafIndex : statement.Entries[^1].LeafIndex + 1,
        });
    }

    private static void CheckCount(string field, int count)
    {
        if (count is 0 or > EventsPerRequestMax)
        {
            throw StatusErrors.Invalid(field, $"give 1 to {EventsPerRequestMax}, not {count}");
        }
    }

    private static UInt128 Id(ByteString bytes, string field) => WireIds.Read(bytes, field);

    private static UInt128 OptionalId(ByteString bytes, string field) => bytes.IsEmpty ? UInt128.Zero : Id(bytes, field);

    private static ushort Code(uint code, string field) =>
        code <= ushort.MaxValue ? (ushort)code : throw StatusErrors.Invalid(field, $"a code is 0 to {ushort.MaxValue}, not {code}");

    private static ushort Flags(uint flags, string field) =>
        flags <= ushort.MaxValue ? (ushort)flags : throw StatusErrors.Invalid(field, $"flags fit 16 bits, not {flags}");

    private static LedgerAccount ToProto(Account account)
    {
        return new LedgerAccount
        {
            Id = WireIds.Bytes(account.Id.Value),
            Kind = (LedgerAccountKind)account.Kind,
            Ledger = account.Ledger,
            Code = account.Code,
            Flags = (uint)account.Flags,
            UserData128 = WireIds.Bytes(account.UserData128),
            UserData64 = account.UserData64,
            UserData32 = account.UserData32,
        };
    }
}
