namespace EvidenceChain.Ledger.Escrow;

// Every change to the ledger's state goes through the few methods here, so the undo log of a linked
// chain, the kept balance sums and the set of touched accounts cannot miss one.
public sealed partial class EscrowLedger
{
    private readonly List<UndoEntry> _undo = [];
    private bool _inChain;

    // Sums of the balance fields per kind (index: kind − 1), kept as balances move; see CheckInvariantsAfterBatch.
    private readonly BalanceSums[] _sumsByKind = new BalanceSums[3];

    // The sum of the amounts of the pending transfers not yet resolved, kept from transfer states
    // (not from balances), so comparing it with the pending balance sums is a real check.
    private Int128 _stillPendingFen;

    // Accounts whose balance moved in this batch: the per-account rules are checked on them.
    private readonly HashSet<AccountEntry> _touched = [];

    private void BeginChain()
    {
        _inChain = true;
        _undo.Clear();
    }

    private void EndChain()
    {
        _inChain = false;
        _undo.Clear();
    }

    private void RollBackChain()
    {
        for (int index = _undo.Count - 1; index >= 0; index--)
        {
            UndoEntry undo = _undo[index];
            switch (undo.Kind)
            {
                case UndoKind.AccountCreated:
                    _accounts.Remove(undo.Account!.Account.Id);
                    if (_accountOrder.Count == 0 || !ReferenceEquals(_accountOrder[^1], undo.Account.Account))
                    {
                        throw new LedgerInvariantException("Linked chain undo: the account to remove is not the last one created.");
                    }

                    _accountOrder.RemoveAt(_accountOrder.Count - 1);
                    break;
                case UndoKind.TransferCreated:
                    _transfers.Remove(undo.Transfer!.Transfer.Id);
                    if (undo.Transfer.State == TransferState.Pending)
                    {
                        _stillPendingFen -= undo.Transfer.Transfer.AmountFen;
                    }

                    break;
                case UndoKind.Balance:
                    SetBalanceCore(undo.Account!, undo.PreviousBalance);
                    break;
                case UndoKind.PendingState:
                    SetPendingStateCore(undo.Transfer!, undo.PreviousState);
                    break;
                case UndoKind.ReversedAmount:
                    undo.Transfer!.ReversedAmountFen = undo.PreviousReversedAmountFen;
                    break;
                default:
                    throw new LedgerInvariantException($"Linked chain undo: unknown undo kind {undo.Kind}.");
            }
        }

        _undo.Clear();
    }

    private void AddAccount(Account account)
    {
        var entry = new AccountEntry(account);
        _accounts.Add(account.Id, entry);
        _accountOrder.Add(account);
        if (_inChain)
        {
            _undo.Add(new UndoEntry(UndoKind.AccountCreated, entry, null, default, default, 0));
        }
    }

    private TransferEntry AddSucceededTransfer(Transfer transfer, TransferState state)
    {
        var entry = new TransferEntry(transfer, CreateTransferResult.Ok) { State = state };
        _transfers.Add(transfer.Id, entry);
        if (state == TransferState.Pending)
        {
            _stillPendingFen += transfer.AmountFen;
        }

        if (_inChain)
        {
            _undo.Add(new UndoEntry(UndoKind.TransferCreated, null, entry, default, default, 0));
        }

        return entry;
    }

    private void SetBalance(AccountEntry account, AccountBalance balance)
    {
        if (_inChain)
        {
            _undo.Add(new UndoEntry(UndoKind.Balance, account, null, account.Balance, default, 0));
        }

        SetBalanceCore(account, balance);
    }

    private void SetBalanceCore(AccountEntry account, AccountBalance balance)
    {
        ref BalanceSums sums = ref _sumsByKind[(int)account.Account.Kind - 1];
        sums.Add(account.Balance, -1);
        sums.Add(balance, 1);
        account.Balance = balance;
        _touched.Add(account);
    }

    /// <summary>Resolves a pending transfer: asserts it is resolved at most once (invariant 4).</summary>
    private void ResolvePending(TransferEntry pending, TransferState state)
    {
        if (pending.State != TransferState.Pending)
        {
            throw new LedgerInvariantException(
                $"Invariant 4 (a pending transfer is resolved at most once): transfer {pending.Transfer.Id.Value} is {pending.State}, not Pending.");
        }

        if (_inChain)
        {
            _undo.Add(new UndoEntry(UndoKind.PendingState, null, pending, default, pending.State, 0));
        }

        SetPendingStateCore(pending, state);
    }

    private void SetPendingStateCore(TransferEntry pending, TransferState state)
    {
        if (pending.State == TransferState.Pending)
        {
            _stillPendingFen -= pending.Transfer.AmountFen;
        }

        if (state == TransferState.Pending)
        {
            _stillPendingFen += pending.Transfer.AmountFen;
        }

        pending.State = state;
    }

    private void AddReversedAmount(TransferEntry reversed, long amountFen)
    {
        if (_inChain)
        {
            _undo.Add(new UndoEntry(UndoKind.ReversedAmount, null, reversed, default, default, reversed.ReversedAmountFen));
        }

        reversed.ReversedAmountFen += amountFen;
    }
}
