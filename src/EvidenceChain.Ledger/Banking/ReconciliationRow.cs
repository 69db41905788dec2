using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>One escrow bank account in a daily reconciliation.</summary>
/// <param name="Account">The <c>EscrowBank</c> account.</param>
/// <param name="LedgerBalanceFen">Its posted balance in the ledger: debits posted less credits posted.</param>
/// <param name="StatementClosingFen">The bank's closing balance for the day.</param>
public sealed record ReconciliationRow(AccountId Account, long LedgerBalanceFen, long StatementClosingFen)
{
    /// <summary>Ledger less statement; 0 when they agree. Any other value is an incident that holds payouts from the account.</summary>
    public long DifferenceFen => checked(LedgerBalanceFen - StatementClosingFen);

    public bool IsBalanced => LedgerBalanceFen == StatementClosingFen;
}
