namespace EvidenceChain.Ledger.Banking;

/// <summary>Why a reconciliation could not be made (nothing is recorded then). Numbers never change.</summary>
public enum ReconciliationRefusal : byte
{
    /// <summary>It was made.</summary>
    None = 0,

    /// <summary>An escrow bank account has no closing balance for the day in the statement.</summary>
    ClosingBalanceMissing = 1,

    /// <summary>The statement has a closing balance for the day of an account that is not a configured escrow bank account.</summary>
    UnknownBankAccount = 2,

    /// <summary>No escrow bank account, or more than <see cref="Reconciliation.AccountCountMax"/>.</summary>
    AccountCountOutOfRange = 3,
}
