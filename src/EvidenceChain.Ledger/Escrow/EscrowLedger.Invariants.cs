namespace EvidenceChain.Ledger.Escrow;

// docs/ledger.md, Invariants. These are the ledger's own assertions: always on, never compiled out,
// and a failure throws LedgerInvariantException, which the service treats as fatal.
public sealed partial class EscrowLedger
{
    /// <summary>
    /// Checks every invariant of docs/ledger.md in full, in O(accounts + transfers): every balance
    /// recomputed from the transfers that succeeded, the kept sums recomputed from the balances,
    /// each pending transfer resolved at most once, each transfer reversed at most by what it posted.
    /// The ledger checks the invariants itself after every batch, cheaply; this is the thorough
    /// check for tests and for an audit.
    /// </summary>
    /// <exception cref="LedgerInvariantException">An invariant failed; the message names it.</exception>
    public void CheckInvariants()
    {
        var sums = new BalanceSums[3];
        foreach (AccountEntry account in _accounts.Values)
        {
            sums[(int)account.Account.Kind - 1].Add(account.Balance, 1);
            CheckAccount(account);
        }

        for (int index = 0; index < sums.Length; index++)
        {
            if (!sums[index].Equals(_sumsByKind[index]))
            {
                throw new LedgerInvariantException($"Kept balance sums of {(AccountKind)(index + 1)} accounts differ from the sums of their balances.");
            }
        }

        var replayed = new Dictionary<AccountId, AccountBalance>();
        var resolutions = new Dictionary<TransferId, TransferState>();
        var reversedFen = new Dictionary<TransferId, long>();
        Int128 stillPendingFen = 0;
        foreach (TransferEntry entry in _transfers.Values)
        {
            if (entry.Result != CreateTransferResult.Ok)
            {
                continue;
            }

            Transfer transfer = entry.Transfer;
            switch (transfer.Flags & KindFlags)
            {
                case TransferFlags.Pending:
                    if (entry.State == TransferState.Pending)
                    {
                        stillPendingFen += transfer.AmountFen;
                        Replay(replayed, transfer.DebitAccountId, new AccountBalance(transfer.AmountFen, 0, 0, 0));
                        Replay(replayed, transfer.CreditAccountId, new AccountBalance(0, 0, transfer.AmountFen, 0));
                    }

                    break;
                case TransferFlags.VoidPending:
                    AddResolution(resolutions, transfer, TransferState.PendingVoided);
                    break;
                case TransferFlags.PostPending:
                    AddResolution(resolutions, transfer, TransferState.PendingPosted);
                    goto default;
                case TransferFlags.Reversal:
                    reversedFen[transfer.ReversedId] = reversedFen.GetValueOrDefault(transfer.ReversedId) + transfer.AmountFen;
                    goto default;
                default:
                    Replay(replayed, transfer.DebitAccountId, new AccountBalance(0, transfer.AmountFen, 0, 0));
                    Replay(replayed, transfer.CreditAccountId, new AccountBalance(0, 0, 0, transfer.AmountFen));
                    break;
            }
        }

        foreach (AccountEntry account in _accounts.Values)
        {
            if (account.Balance != replayed.GetValueOrDefault(account.Account.Id))
            {
                throw new LedgerInvariantException(
                    $"Replay: account {account.Account.Id.Value} holds {account.Balance}, its transfers give {replayed.GetValueOrDefault(account.Account.Id)}.");
            }
        }

        foreach (TransferEntry entry in _transfers.Values)
        {
            if (entry.Result != CreateTransferResult.Ok)
            {
                continue;
            }

            TransferState expected = (entry.Transfer.Flags & TransferFlags.Pending) != 0
                ? resolutions.GetValueOrDefault(entry.Transfer.Id, TransferState.Pending)
                : TransferState.Posted;
            if (entry.State != expected)
            {
                throw new LedgerInvariantException(
                    $"Invariant 4 (pending resolved at most once): transfer {entry.Transfer.Id.Value} is {entry.State}, its posts and voids give {expected}.");
            }

            long reversed = reversedFen.GetValueOrDefault(entry.Transfer.Id);
            if (entry.ReversedAmountFen != reversed || reversed > entry.Transfer.AmountFen)
            {
                throw new LedgerInvariantException(
                    $"Reversal limit: transfer {entry.Transfer.Id.Value} posted {entry.Transfer.AmountFen} fen, reversals of it sum to {reversed}, it records {entry.ReversedAmountFen}.");
            }
        }

        if (stillPendingFen != _stillPendingFen)
        {
            throw new LedgerInvariantException(
                $"Invariant 4 (pending fields): pending transfers hold {stillPendingFen} fen, the kept figure is {_stillPendingFen}.");
        }

        CheckSums();
    }

    /// <summary>
    /// The check after every batch. The kept sums make invariants 1, 2 and the total of invariant 4
    /// O(1); invariant 3 is checked only on the accounts the batch touched, since the others have not
    /// changed since they were last checked. So a batch costs O(its events), not O(accounts).
    /// </summary>
    private void CheckInvariantsAfterBatch()
    {
        CheckSums();
        foreach (AccountEntry account in _touched)
        {
            CheckAccount(account);
        }

        _touched.Clear();
    }

    private void CheckSums()
    {
        Int128 debitsPosted = 0, creditsPosted = 0, debitsPending = 0, creditsPending = 0;
        foreach (BalanceSums sums in _sumsByKind)
        {
            debitsPosted += sums.DebitsPosted;
            creditsPosted += sums.CreditsPosted;
            debitsPending += sums.DebitsPending;
            creditsPending += sums.CreditsPending;
        }

        if (debitsPosted != creditsPosted)
        {
            throw new LedgerInvariantException($"Invariant 1 (double entry): posted debits sum to {debitsPosted} fen, posted credits to {creditsPosted}.");
        }

        if (debitsPending != creditsPending)
        {
            throw new LedgerInvariantException($"Invariant 1 (double entry): pending debits sum to {debitsPending} fen, pending credits to {creditsPending}.");
        }

        BalanceSums bank = _sumsByKind[(int)AccountKind.EscrowBank - 1];
        BalanceSums liability = _sumsByKind[(int)AccountKind.Liability - 1];
        Int128 bankHeldFen = bank.DebitsPosted - bank.CreditsPosted;
        Int128 owedFen = liability.CreditsPosted - liability.DebitsPosted;
        if (bankHeldFen != owedFen)
        {
            throw new LedgerInvariantException($"Invariant 2 (escrow coverage): escrow bank accounts hold {bankHeldFen} fen, liabilities owe {owedFen}.");
        }

        if (debitsPending != _stillPendingFen)
        {
            throw new LedgerInvariantException(
                $"Invariant 4 (pending fields): pending debits sum to {debitsPending} fen, the transfers still pending to {_stillPendingFen}.");
        }
    }

    private static void CheckAccount(AccountEntry account)
    {
        AccountBalance b = account.Balance;
        if (b.DebitsPending < 0 || b.DebitsPosted < 0 || b.CreditsPending < 0 || b.CreditsPosted < 0)
        {
            throw new LedgerInvariantException($"Balance fields: account {account.Account.Id.Value} has a negative field: {b}.");
        }

        bool broken = account.Account.Kind switch
        {
            AccountKind.Liability => (Int128)b.DebitsPending + b.DebitsPosted > b.CreditsPosted,
            AccountKind.EscrowBank => (Int128)b.CreditsPending + b.CreditsPosted > b.DebitsPosted,
            _ => false,
        };
        if (broken)
        {
            throw new LedgerInvariantException($"Invariant 3 (no negatives): {account.Account.Kind} account {account.Account.Id.Value} has {b}.");
        }
    }

    private static void Replay(Dictionary<AccountId, AccountBalance> replayed, AccountId id, AccountBalance delta)
    {
        AccountBalance b = replayed.GetValueOrDefault(id);
        replayed[id] = new AccountBalance(
            b.DebitsPending + delta.DebitsPending,
            b.DebitsPosted + delta.DebitsPosted,
            b.CreditsPending + delta.CreditsPending,
            b.CreditsPosted + delta.CreditsPosted);
    }

    private static void AddResolution(Dictionary<TransferId, TransferState> resolutions, Transfer transfer, TransferState state)
    {
        if (!resolutions.TryAdd(transfer.PendingId, state))
        {
            throw new LedgerInvariantException($"Invariant 4 (a pending transfer is resolved at most once): transfer {transfer.PendingId.Value} is resolved twice.");
        }
    }
}
