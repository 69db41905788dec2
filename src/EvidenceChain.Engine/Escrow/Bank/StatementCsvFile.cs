using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>A statement CSV file (docs/formats/bank-statement.md): refused unread when larger than <see cref="StatementCsv.FileLengthMaxBytes"/>.</summary>
public sealed class StatementCsvFile(string path) : IStatementSource
{
    public async Task<StatementParse> ReadAsync(CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;
        if (length > StatementCsv.FileLengthMaxBytes)
        {
            return new StatementParse(null, new StatementCsvError(0, 0, StatementCsvProblem.FileTooLarge, $"{path} has {length} bytes; at most {StatementCsv.FileLengthMaxBytes} are taken"));
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return StatementCsv.Parse(bytes);
    }
}
