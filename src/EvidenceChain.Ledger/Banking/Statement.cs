namespace EvidenceChain.Ledger.Banking;

/// <summary>A parsed bank statement: its transaction and interest lines in file order, and its closing balances.</summary>
/// <param name="Lines">Every distinct line (an exact repeat of a line within one file is one line).</param>
/// <param name="Closings">Every closing balance, at most one per account and date.</param>
public sealed record Statement(IReadOnlyList<StatementLine> Lines, IReadOnlyList<ClosingBalance> Closings);
