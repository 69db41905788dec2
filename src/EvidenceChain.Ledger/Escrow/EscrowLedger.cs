namespace EvidenceChain.Ledger.Escrow;

/// <summary>The escrow ledger (docs/ledger.md). Logic follows in the next commit.</summary>
public sealed class EscrowLedger
{
    /// <summary>The most events one batch may hold, as TigerBeetle's (DOMAIN.md §10.1).</summary>
    public const int BatchEventsMax = 8190;

    /// <summary>Creates accounts.</summary>
    public IReadOnlyList<CreateAccountResult> CreateAccounts(IReadOnlyList<Account> accounts) => throw new NotImplementedException();

    /// <summary>Applies transfers.</summary>
    public IReadOnlyList<CreateTransferResult> CreateTransfers(IReadOnlyList<Transfer> transfers) => throw new NotImplementedException();

    /// <summary>Finds an account.</summary>
    public Account? FindAccount(AccountId id) => throw new NotImplementedException();

    /// <summary>An account's balance.</summary>
    public AccountBalance? BalanceOf(AccountId id) => throw new NotImplementedException();

    /// <summary>A transfer's state.</summary>
    public TransferState? StateOf(TransferId id) => throw new NotImplementedException();

    /// <summary>Fen reversed so far.</summary>
    public long ReversedAmountOf(TransferId id) => throw new NotImplementedException();

    /// <summary>Every account.</summary>
    public IReadOnlyCollection<Account> Accounts => throw new NotImplementedException();

    /// <summary>Checks every invariant in full.</summary>
    public void CheckInvariants() => throw new NotImplementedException();
}
