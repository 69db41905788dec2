namespace EvidenceChain.Ledger.Banking;

/// <summary>An escrow bank account's balance at the end of a day, as the bank's statement gives it.</summary>
/// <param name="BankAccount">The escrow bank account's number at the bank.</param>
/// <param name="Date">The Asia/Shanghai local date whose end the balance is.</param>
/// <param name="AmountFen">The closing balance, integer fen, 0 or more.</param>
public sealed record ClosingBalance(string BankAccount, DateOnly Date, long AmountFen);
