namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// One transaction on an escrow bank account as the bank's statement gives it
/// (docs/formats/bank-statement.md). The bank's serial number identifies it within its account:
/// importing the same (account, serial) twice is one line, and the same serial with other content
/// is refused.
/// </summary>
/// <param name="BankAccount">The escrow bank account's number at the bank (1 to 34 of 0-9, A-Z).</param>
/// <param name="Serial">The bank's serial number of the line (流水号), unique per bank account (1 to 64 of 0-9, A-Z, a-z, '-', '_').</param>
/// <param name="ValueDate">The value date, an Asia/Shanghai local date (DOMAIN.md §6.5); for a deposit, the deposit date (DOMAIN.md §2.4).</param>
/// <param name="Type"><see cref="StatementRowType.Line"/> or <see cref="StatementRowType.Interest"/>.</param>
/// <param name="Direction">Money in or out.</param>
/// <param name="AmountFen">The amount, integer fen, more than 0.</param>
/// <param name="CounterpartyAccount">The other side's account number; empty for the bank's own lines (interest).</param>
/// <param name="Reference">The reference text (附言), at most 140 characters; may carry a transfer reference (<see cref="TransferReference"/>).</param>
public sealed record StatementLine(
    string BankAccount,
    string Serial,
    DateOnly ValueDate,
    StatementRowType Type,
    StatementDirection Direction,
    long AmountFen,
    string CounterpartyAccount,
    string Reference);
