using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// The daily reconciliation (DOMAIN.md §6.2 invariant 2, §6.4): for each escrow bank account, the
/// ledger's posted balance against the bank's closing balance of the day. A pure comparison; the
/// engine notarizes the result as a bank record and holds payouts from any account that differs.
/// </summary>
/// <param name="Date">The Asia/Shanghai local date reconciled.</param>
/// <param name="Rows">One row per escrow bank account, in ascending account id order.</param>
public sealed record Reconciliation(DateOnly Date, IReadOnlyList<ReconciliationRow> Rows)
{
    /// <summary>The most accounts one reconciliation covers (so its record stays small).</summary>
    public const int AccountCountMax = 1024;

    public bool IsBalanced => Rows.All(r => r.IsBalanced);

    /// <summary>
    /// Compares each account's ledger balance with its closing balance. Every account of
    /// <paramref name="ledgerBalances"/> needs a closing balance for <paramref name="date"/>.
    /// </summary>
    /// <param name="date">The day reconciled.</param>
    /// <param name="ledgerBalances">Each escrow bank account with its bank account number and its balance in the ledger.</param>
    /// <param name="closings">The statement's closing balances (other dates and unknown accounts are refused or ignored as said).</param>
    /// <param name="reconciliation">The comparison, when the refusal is <see cref="ReconciliationRefusal.None"/>.</param>
    /// <param name="bankAccount">The bank account the refusal is about.</param>
    public static ReconciliationRefusal TryCompare(
        DateOnly date,
        IReadOnlyList<(AccountId Account, string BankAccount, long LedgerBalanceFen)> ledgerBalances,
        IReadOnlyList<ClosingBalance> closings,
        out Reconciliation? reconciliation,
        out string bankAccount)
    {
        ArgumentNullException.ThrowIfNull(ledgerBalances);
        ArgumentNullException.ThrowIfNull(closings);
        reconciliation = null;
        bankAccount = string.Empty;
        if (ledgerBalances.Count is 0 or > AccountCountMax)
        {
            return ReconciliationRefusal.AccountCountOutOfRange;
        }

        var known = ledgerBalances.Select(b => b.BankAccount).ToHashSet(StringComparer.Ordinal);
        foreach (ClosingBalance closing in closings.Where(c => c.Date == date))
        {
            if (!known.Contains(closing.BankAccount))
            {
                bankAccount = closing.BankAccount;
                return ReconciliationRefusal.UnknownBankAccount;
            }
        }

        var rows = new List<ReconciliationRow>(ledgerBalances.Count);
        foreach ((AccountId account, string number, long ledgerBalanceFen) in ledgerBalances)
        {
            ClosingBalance? closing = closings.FirstOrDefault(c => c.Date == date && c.BankAccount == number);
            if (closing is null)
            {
                bankAccount = number;
                return ReconciliationRefusal.ClosingBalanceMissing;
            }

            rows.Add(new ReconciliationRow(account, ledgerBalanceFen, closing.AmountFen));
        }

        reconciliation = new Reconciliation(date, [.. rows.OrderBy(r => r.Account.Value)]);
        return ReconciliationRefusal.None;
    }
}
