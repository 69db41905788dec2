namespace EvidenceChain.Ledger.Banking;

/// <summary>The result of parsing a statement file: exactly one of <see cref="Statement"/> and <see cref="Error"/> is set.</summary>
public sealed record StatementParse(Statement? Statement, StatementCsvError? Error)
{
    public bool IsValid => Statement is not null;
}
