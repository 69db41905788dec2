namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Which way a statement line moved money, from the escrow bank account's side as the bank writes
/// it: a credit (<c>C</c>) is money into the escrow account, a debit (<c>D</c>) money out of it. In
/// the ledger a credit line debits the <c>EscrowBank</c> account (an asset) and a debit line credits it.
/// Numbers never change.
/// </summary>
#pragma warning disable CA1008 // 0 is no direction on purpose.
public enum StatementDirection : byte
#pragma warning restore CA1008
{
    /// <summary>Money into the escrow bank account.</summary>
    Credit = 1,

    /// <summary>Money out of the escrow bank account.</summary>
    Debit = 2,
}
