namespace EvidenceChain.Ledger.Banking;

/// <summary>What is wrong with a statement file, and where: a person can go to the line and column.</summary>
/// <param name="LineNumber">1-based line of the file (1 is the header); 0 for the file as a whole.</param>
/// <param name="ColumnNumber">1-based column; 0 for the row or file as a whole.</param>
/// <param name="Problem">The rule broken.</param>
/// <param name="Detail">A sentence saying what was found and what was wanted.</param>
public sealed record StatementCsvError(int LineNumber, int ColumnNumber, StatementCsvProblem Problem, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() =>
        LineNumber == 0 ? Detail
        : ColumnNumber == 0 ? $"line {LineNumber}: {Detail}"
        : $"line {LineNumber}, column {ColumnNumber} ({StatementCsv.ColumnNames[ColumnNumber - 1]}): {Detail}";
}
