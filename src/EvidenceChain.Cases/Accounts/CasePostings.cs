using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Accounts;

/// <summary>
/// Builds a case's accounts and transfers, whatever its kind: derived ids, the case id in user data,
/// codes from the purpose and the step (docs/cases.md §Accounts), balances read through the context.
/// </summary>
internal class CasePostings(CaseId caseId, uint ledger, CaseContext context)
{
    public AccountId Account(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(caseId, purpose, leg);

    public Account NewAccount(CaseAccountPurpose purpose, byte leg = 0) =>
        new(Account(purpose, leg), CaseAccounts.KindOf(purpose), ledger, CaseAccounts.CodeOf(purpose), UserData128: caseId.Value, UserData32: leg);

    public AccountBalance? BalanceOf(AccountId account) => context.BalanceOf(account);

    /// <summary>What a liability account holds free: posted credits less posted and pending debits.</summary>
    public long Held(CaseAccountPurpose purpose, byte leg = 0) =>
        BalanceOf(Account(purpose, leg)) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted - b.DebitsPending : 0;

    public Transfer Single(CaseStep step, byte leg, ushort attempt, AccountId debit, AccountId credit, long amountFen) =>
        new(CaseTransferIds.Of(caseId, step, leg, attempt), debit, credit, amountFen, ledger, CaseTransferIds.CodeOf(step), UserData128: caseId.Value);

    public Transfer Pending(CaseStep step, byte leg, ushort attempt, AccountId debit, AccountId credit, long amountFen) =>
        Single(step, leg, attempt, debit, credit, amountFen) with { Flags = TransferFlags.Pending };

    /// <summary>Posts (in full) or voids <paramref name="pending"/>: the same accounts, ledger and code, as the ledger requires.</summary>
    public Transfer Resolve(CaseStep step, byte leg, ushort attempt, Transfer pending, bool post) =>
        pending with
        {
            Id = CaseTransferIds.Of(caseId, step, leg, attempt),
            Flags = post ? TransferFlags.PostPending : TransferFlags.VoidPending,
            PendingId = pending.Id,
            AmountFen = post ? pending.AmountFen : 0,
        };

    /// <summary>The first of <paramref name="accounts"/> that holds anything, posted or pending, with its balance; null when all are settled.</summary>
    public (AccountId Account, AccountBalance Balance)? FirstUnsettled(IEnumerable<AccountId> accounts)
    {
        foreach (AccountId account in accounts)
        {
            if (BalanceOf(account) is AccountBalance b && (b.CreditsPosted != b.DebitsPosted || b.CreditsPending != 0 || b.DebitsPending != 0))
            {
                return (account, b);
            }
        }

        return null;
    }

    /// <summary>The transfers as one linked chain: all apply or none.</summary>
    public static IReadOnlyList<Transfer> Linked(IReadOnlyList<Transfer> chain) =>
        [.. chain.Select((t, i) => i < chain.Count - 1 ? t with { Flags = t.Flags | TransferFlags.Linked } : t)];
}
