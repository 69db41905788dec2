using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>
/// A deliberately simple model of the escrow ledger, written from docs/ledger.md alone (not from
/// the implementation): each event's result is the first rule it breaks, checked as a plain
/// sequence of ifs in the documented order; a linked chain is applied to a copy of the state,
/// kept if every event succeeds and thrown away otherwise; balances are recomputed from the list
/// of successful transfers. Small and obviously right beats fast.
/// </summary>
internal sealed class LedgerModel
{
    private const TransferFlags KindFlags =
        TransferFlags.Pending | TransferFlags.PostPending | TransferFlags.VoidPending | TransferFlags.Reversal;

    private const TransferFlags KnownFlags = TransferFlags.Linked | KindFlags;

    private ModelState _state = new();

    public IReadOnlyList<Account> Accounts => _state.Accounts;

    /// <summary>The successful transfers, in the order they were applied.</summary>
    public IReadOnlyList<Transfer> Transfers => _state.Transfers;

    public Account? FindAccount(AccountId id) => _state.FindAccount(id);

    public AccountBalance? BalanceOf(AccountId id) => _state.FindAccount(id) is null ? null : _state.BalanceOf(id);

    public TransferState? StateOf(TransferId id) => _state.StateOf(id);

    public long ReversedAmountOf(TransferId id) => _state.ReversedAmountOf(id);

    public IReadOnlyList<CreateAccountResult> CreateAccounts(IReadOnlyList<Account> accounts)
    {
        var results = new CreateAccountResult[accounts.Count];
        foreach (LinkedChain chain in LinkedChain.Split(accounts.Select(a => (a.Flags & AccountFlags.Linked) != 0).ToList()))
        {
            if (chain.IsOpen)
            {
                Array.Fill(results, CreateAccountResult.LinkedEventChainOpen, chain.Start, chain.Count);
                continue;
            }

            ModelState copy = _state.Clone();
            int failed = -1;
            for (int i = chain.Start; i < chain.End && failed < 0; i++)
            {
                results[i] = CreateAccount(copy, accounts[i]);
                if (results[i] is not (CreateAccountResult.Ok or CreateAccountResult.Exists))
                {
                    failed = i;
                }
            }

            if (failed < 0)
            {
                _state = copy;
                continue;
            }

            for (int i = chain.Start; i < chain.End; i++)
            {
                if (i != failed)
                {
                    results[i] = CreateAccountResult.LinkedEventFailed;
                }
            }
        }

        return results;
    }

    public IReadOnlyList<CreateTransferResult> CreateTransfers(IReadOnlyList<Transfer> transfers)
    {
        var results = new CreateTransferResult[transfers.Count];
        foreach (LinkedChain chain in LinkedChain.Split(transfers.Select(t => (t.Flags & TransferFlags.Linked) != 0).ToList()))
        {
            if (chain.IsOpen)
            {
                for (int i = chain.Start; i < chain.End; i++)
                {
                    results[i] = CreateTransferResult.LinkedEventChainOpen;
                    RecordOutcome(_state, transfers[i], results[i]);
                }

                continue;
            }

            ModelState copy = _state.Clone();
            int failed = -1;
            for (int i = chain.Start; i < chain.End && failed < 0; i++)
            {
                results[i] = CreateTransfer(copy, transfers[i]);
                if (results[i] is not (CreateTransferResult.Ok or CreateTransferResult.Exists))
                {
                    failed = i;
                }
            }

            if (failed < 0)
            {
                _state = copy;
                continue;
            }

            // The chain's effects are thrown away with the copy; every event's outcome is fixed
            // on the real state, in order, so the first use of an id is the one remembered.
            for (int i = chain.Start; i < chain.End; i++)
            {
                if (i != failed)
                {
                    results[i] = CreateTransferResult.LinkedEventFailed;
                }

                RecordOutcome(_state, transfers[i], results[i]);
            }
        }

        return results;
    }

    /// <summary>A transfer id's outcome is fixed the first time it is used (ids 0 and all ones apart).</summary>
    private static void RecordOutcome(ModelState state, Transfer transfer, CreateTransferResult result)
    {
        if (transfer.Id.Value != 0 && transfer.Id.Value != UInt128.MaxValue && !state.Outcomes.ContainsKey(transfer.Id))
        {
            state.Outcomes[transfer.Id] = (transfer, result);
        }
    }

    private static CreateAccountResult CreateAccount(ModelState state, Account account)
    {
        if (account.Id.Value == 0)
        {
            return CreateAccountResult.IdMustNotBeZero;
        }

        if (account.Id.Value == UInt128.MaxValue)
        {
            return CreateAccountResult.IdMustNotBeIntMax;
        }

        if (account.Kind is not (AccountKind.EscrowBank or AccountKind.Liability or AccountKind.Memo))
        {
            return CreateAccountResult.KindMustBeKnown;
        }

        if (account.Ledger == 0)
        {
            return CreateAccountResult.LedgerMustNotBeZero;
        }

        if (account.Code == 0)
        {
            return CreateAccountResult.CodeMustNotBeZero;
        }

        Account? existing = state.FindAccount(account.Id);
        if (existing is not null)
        {
            return existing == account ? CreateAccountResult.Exists : CreateAccountResult.ExistsWithDifferentFields;
        }

        state.Accounts.Add(account);
        return CreateAccountResult.Ok;
    }

    private static CreateTransferResult CreateTransfer(ModelState state, Transfer t)
    {
        bool isPost = ModelState.IsPost(t);
        bool isVoid = ModelState.IsVoid(t);
        bool isReversal = ModelState.IsReversal(t);

        if (t.Id.Value == 0)
        {
            return CreateTransferResult.IdMustNotBeZero;
        }

        if (t.Id.Value == UInt128.MaxValue)
        {
            return CreateTransferResult.IdMustNotBeIntMax;
        }

        int kindFlagCount = 0;
        foreach (TransferFlags flag in new[] { TransferFlags.Pending, TransferFlags.PostPending, TransferFlags.VoidPending, TransferFlags.Reversal })
        {
            kindFlagCount += (t.Flags & flag) != 0 ? 1 : 0;
        }

        if (kindFlagCount > 1 || (t.Flags & ~KnownFlags) != 0)
        {
            return CreateTransferResult.FlagsAreMutuallyExclusive;
        }

        if (t.DebitAccountId.Value == 0)
        {
            return CreateTransferResult.DebitAccountIdMustNotBeZero;
        }

        if (t.CreditAccountId.Value == 0)
        {
            return CreateTransferResult.CreditAccountIdMustNotBeZero;
        }

        if (t.DebitAccountId == t.CreditAccountId)
        {
            return CreateTransferResult.AccountsMustBeDifferent;
        }

        if (!isPost && !isVoid && t.PendingId.Value != 0)
        {
            return CreateTransferResult.PendingIdMustBeZero;
        }

        if ((isPost || isVoid) && t.PendingId.Value == 0)
        {
            return CreateTransferResult.PendingIdMustNotBeZero;
        }

        if (t.PendingId == t.Id)
        {
            return CreateTransferResult.PendingIdMustBeDifferent;
        }

        if (!isReversal && t.ReversedId.Value != 0)
        {
            return CreateTransferResult.ReversedIdMustBeZero;
        }

        if (isReversal && t.ReversedId.Value == 0)
        {
            return CreateTransferResult.ReversedIdMustNotBeZero;
        }

        if (isVoid ? t.AmountFen < 0 : t.AmountFen <= 0)
        {
            return CreateTransferResult.AmountMustBePositive;
        }

        if (t.Ledger == 0)
        {
            return CreateTransferResult.LedgerMustNotBeZero;
        }

        if (t.Code == 0)
        {
            return CreateTransferResult.CodeMustNotBeZero;
        }

        if (state.Outcomes.TryGetValue(t.Id, out (Transfer Fields, CreateTransferResult Result) first))
        {
            if (first.Fields != t)
            {
                return CreateTransferResult.ExistsWithDifferentFields;
            }

            return first.Result == CreateTransferResult.Ok ? CreateTransferResult.Exists : first.Result;
        }

        Account? debit = state.FindAccount(t.DebitAccountId);
        if (debit is null)
        {
            return CreateTransferResult.DebitAccountNotFound;
        }

        Account? credit = state.FindAccount(t.CreditAccountId);
        if (credit is null)
        {
            return CreateTransferResult.CreditAccountNotFound;
        }

        if (debit.Ledger != credit.Ledger)
        {
            return CreateTransferResult.AccountsMustHaveTheSameLedger;
        }

        if (t.Ledger != debit.Ledger)
        {
            return CreateTransferResult.TransferMustHaveTheSameLedgerAsAccounts;
        }

        if ((debit.Kind == AccountKind.Memo) != (credit.Kind == AccountKind.Memo))
        {
            return CreateTransferResult.MemoAndEscrowAccountsMustNotMix;
        }

        if (isPost || isVoid)
        {
            Transfer? pending = state.FindTransfer(t.PendingId);
            if (pending is null)
            {
                return CreateTransferResult.PendingTransferNotFound;
            }

            if (!ModelState.IsPending(pending))
            {
                return CreateTransferResult.PendingTransferNotPending;
            }

            if (pending.DebitAccountId != t.DebitAccountId)
            {
                return CreateTransferResult.PendingTransferHasDifferentDebitAccountId;
            }

            if (pending.CreditAccountId != t.CreditAccountId)
            {
                return CreateTransferResult.PendingTransferHasDifferentCreditAccountId;
            }

            if (pending.Ledger != t.Ledger)
            {
                return CreateTransferResult.PendingTransferHasDifferentLedger;
            }

            if (pending.Code != t.Code)
            {
                return CreateTransferResult.PendingTransferHasDifferentCode;
            }

            if (isPost && t.AmountFen > pending.AmountFen)
            {
                return CreateTransferResult.ExceedsPendingTransferAmount;
            }

            if (isVoid && t.AmountFen != 0 && t.AmountFen != pending.AmountFen)
            {
                return CreateTransferResult.PendingTransferHasDifferentAmount;
            }

            Transfer? resolution = state.ResolutionOf(pending.Id);
            if (resolution is not null && ModelState.IsPost(resolution))
            {
                return CreateTransferResult.PendingTransferAlreadyPosted;
            }

            if (resolution is not null && ModelState.IsVoid(resolution))
            {
                return CreateTransferResult.PendingTransferAlreadyVoided;
            }
        }

        if (isReversal)
        {
            Transfer? reversed = state.FindTransfer(t.ReversedId);
            if (reversed is null)
            {
                return CreateTransferResult.ReversedTransferNotFound;
            }

            if (ModelState.IsPending(reversed) || ModelState.IsVoid(reversed) || ModelState.IsReversal(reversed))
            {
                return CreateTransferResult.ReversedTransferNotReversible;
            }

            if (t.DebitAccountId != reversed.CreditAccountId || t.CreditAccountId != reversed.DebitAccountId)
            {
                return CreateTransferResult.ReversalMustSwapAccounts;
            }

            if (t.AmountFen > reversed.AmountFen - state.ReversedAmountOf(reversed.Id))
            {
                return CreateTransferResult.ExceedsReversibleAmount;
            }
        }

        // Balance fields: a void moves nothing; a post moves at most the pending amount from the
        // pending fields to the posted ones, so it can neither overflow nor break a balance rule
        // (docs/ledger.md: "a post or a void never breaks them"). The rest add the amount.
        if (!isVoid)
        {
            AccountBalance dr = state.BalanceOf(debit.Id);
            AccountBalance cr = state.BalanceOf(credit.Id);
            long max = long.MaxValue;
            Int128 amount = t.AmountFen;
            bool overflows = isPost
                ? dr.DebitsPosted + amount > max || cr.CreditsPosted + amount > max
                : dr.DebitsPending + (Int128)dr.DebitsPosted + amount > max
                    || cr.CreditsPending + (Int128)cr.CreditsPosted + amount > max;
            if (overflows)
            {
                return CreateTransferResult.Overflows;
            }

            if (!isPost && debit.Kind == AccountKind.Liability && dr.DebitsPending + (Int128)dr.DebitsPosted + amount > dr.CreditsPosted)
            {
                return CreateTransferResult.ExceedsCredits;
            }

            if (!isPost && credit.Kind == AccountKind.EscrowBank && cr.CreditsPending + (Int128)cr.CreditsPosted + amount > cr.DebitsPosted)
            {
                return CreateTransferResult.ExceedsDebits;
            }
        }

        state.Transfers.Add(t);
        state.Outcomes[t.Id] = (t, CreateTransferResult.Ok);
        return CreateTransferResult.Ok;
    }
}
