namespace EvidenceChain.Ledger.Banking;

/// <summary>What a bank record says (docs/formats/bank-statement.md, Bank records). Numbers never change and are never reused.</summary>
#pragma warning disable CA1008 // A record always has a kind.
public enum BankRecordKind : byte
#pragma warning restore CA1008
{
    /// <summary>A daily reconciliation; each account that differs opens an incident.</summary>
    Reconciliation = 1,

    /// <summary>An incident raised by a statement line.</summary>
    Incident = 2,

    /// <summary>The resolution of an incident.</summary>
    Resolution = 3,
}
