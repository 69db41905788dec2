namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// A ledger invariant of docs/ledger.md failed: money was created or lost, an account broke its
/// balance rule, or a pending transfer was resolved twice. It is a bug, never a refusal (refusals
/// are result values), and the service treats it as fatal: the ledger's state can no longer be
/// trusted. The message names the broken invariant.
/// </summary>
public sealed class LedgerInvariantException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public LedgerInvariantException()
        : base("A ledger invariant failed.")
    {
    }

    /// <summary>Creates the exception with a message naming the broken invariant.</summary>
    public LedgerInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the violation.</summary>
    public LedgerInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
