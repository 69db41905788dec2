namespace EvidenceChain.Ledger.Banking;

/// <summary>What raised a bank incident. Numbers never change and are never reused.</summary>
#pragma warning disable CA1008 // An incident always has a cause.
public enum IncidentCause : byte
#pragma warning restore CA1008
{
    /// <summary>A debit line (money out of the escrow account) that matched no pending payout.</summary>
    UnmatchedDebit = 1,

    /// <summary>A statement line the ledger refused to book (its result is kept).</summary>
    LineRefusedByLedger = 2,

    /// <summary>A daily reconciliation where the ledger's balance differs from the bank's closing balance.</summary>
    ReconciliationDifference = 3,
}
