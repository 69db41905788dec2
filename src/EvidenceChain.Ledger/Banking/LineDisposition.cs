namespace EvidenceChain.Ledger.Banking;

/// <summary>What the import does with a statement line (docs/formats/bank-statement.md, Matching). Numbers never change.</summary>
#pragma warning disable CA1008 // Every line gets one of these; there is no "none".
public enum LineDisposition : byte
#pragma warning restore CA1008
{
    /// <summary>Posts the pending transfer its reference names, for the line's amount.</summary>
    PostNamedTransfer = 1,

    /// <summary>Bank interest: credited to the interest account.</summary>
    CreditInterest = 2,

    /// <summary>An unmatched credit: credited to the suspense account, cleared by hand with evidence, never to a guessed case.</summary>
    CreditSuspense = 3,

    /// <summary>An unmatched debit: nothing is posted; an incident is recorded and payouts from the account are held until it is resolved.</summary>
    RaiseIncident = 4,
}
