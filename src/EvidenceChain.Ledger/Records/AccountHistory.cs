using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Records;

/// <summary>
/// Follows one account through the ledger batches that created and moved it (ledger-batch.md §What
/// the numbering proves): the first batch creates it; each next one names the one before as the
/// account's previous batch, so none was left out; and each balance is the one before moved by
/// exactly the batch's successful transfers on the account. Pure: the records' own proofs (that the
/// log committed to them) are checked by the caller.
/// </summary>
public static class AccountHistory
{
    /// <summary>Follows <paramref name="account"/> through <paramref name="records"/> (in batch order); the balance after the last, or why the history does not hold.</summary>
    public static bool TryFollow(AccountId account, IReadOnlyList<LedgerBatchRecord> records, out AccountBalance balance, out string problem)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            return Follow(account, records, out balance, out problem);
        }
        catch (OverflowException)
        {
            // Only a forged record can carry balances this large: the ledger refuses an overflow.
            balance = default;
            problem = "a balance in the history overflows";
            return false;
        }
    }

    private static bool Follow(AccountId account, IReadOnlyList<LedgerBatchRecord> records, out AccountBalance balance, out string problem)
    {
        balance = default;
        var pendings = new Dictionary<TransferId, long>();
        ulong previousBatch = 0;
        foreach (LedgerBatchRecord record in records)
        {
            AccountSnapshot? snapshot = record.Touched.FirstOrDefault(t => t.Id == account);
            if (snapshot is null)
            {
                problem = $"batch {record.BatchNumber} does not move account {account.Value:x32}";
                return false;
            }

            if (snapshot.PreviousBatchNumber != previousBatch)
            {
                problem = previousBatch == 0
                    ? $"the history starts at batch {record.BatchNumber}, which says the account was moved before, in batch {snapshot.PreviousBatchNumber}"
                    : $"batch {record.BatchNumber} says the account was moved last in batch {snapshot.PreviousBatchNumber}, but the history has batch {previousBatch} before it";
                return false;
            }

            AccountBalance expected = previousBatch == 0 ? Created(account, record, out problem) : Moved(account, record, balance, pendings, out problem);
            if (problem.Length > 0)
            {
                return false;
            }

            if (expected != snapshot.Balance)
            {
                problem = $"batch {record.BatchNumber} records the account's balances as {snapshot.Balance}, but its transfers give {expected}";
                return false;
            }

            balance = expected;
            previousBatch = record.BatchNumber;
        }

        if (previousBatch == 0)
        {
            problem = "the history is empty";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static AccountBalance Created(AccountId account, LedgerBatchRecord record, out string problem)
    {
        bool created = record.Operation == LedgerOperation.CreateAccounts
            && record.Accounts.Select((a, i) => (a, i)).Any(e => e.a.Id == account && record.AccountResults[e.i] == CreateAccountResult.Ok);
        problem = created ? string.Empty : $"the history starts at batch {record.BatchNumber}, which does not create the account";
        return default;
    }

    private static AccountBalance Moved(AccountId account, LedgerBatchRecord record, AccountBalance before, Dictionary<TransferId, long> pendings, out string problem)
    {
        problem = string.Empty;
        if (record.Operation != LedgerOperation.CreateTransfers)
        {
            problem = $"batch {record.BatchNumber} creates accounts, yet moves the account";
            return before;
        }

        (long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) = (before.DebitsPending, before.DebitsPosted, before.CreditsPending, before.CreditsPosted);
        for (int i = 0; i < record.Transfers.Count; i++)
        {
            Transfer transfer = record.Transfers[i];
            bool debit = transfer.DebitAccountId == account;
            bool credit = transfer.CreditAccountId == account;
            if (record.TransferResults[i] != CreateTransferResult.Ok || !(debit || credit))
            {
                continue;
            }

            long amount = transfer.AmountFen;
            long released = 0;
            if ((transfer.Flags & (TransferFlags.PostPending | TransferFlags.VoidPending)) != 0)
            {
                if (!pendings.Remove(transfer.PendingId, out released))
                {
                    problem = $"batch {record.BatchNumber} resolves pending transfer {transfer.PendingId.Value:x32}, which the history does not hold";
                    return before;
                }
            }

            if ((transfer.Flags & TransferFlags.Pending) != 0)
            {
                pendings[transfer.Id] = amount;
                (debitsPending, creditsPending) = (debitsPending + (debit ? amount : 0), creditsPending + (credit ? amount : 0));
            }
            else if ((transfer.Flags & TransferFlags.VoidPending) != 0)
            {
                (debitsPending, creditsPending) = (debitsPending - (debit ? released : 0), creditsPending - (credit ? released : 0));
            }
            else
            {
                // Single-phase, reversal, or post: a post releases the whole pending amount and posts its own.
                (debitsPending, creditsPending) = (debitsPending - (debit ? released : 0), creditsPending - (credit ? released : 0));
                (debitsPosted, creditsPosted) = (debitsPosted + (debit ? amount : 0), creditsPosted + (credit ? amount : 0));
            }
        }

        return new AccountBalance(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }
}
