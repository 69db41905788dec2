using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>Where bank statements come from (a file, a bank's API): the port the importer reads through.</summary>
public interface IStatementSource
{
    /// <summary>Reads one statement; a malformed one is a value (<see cref="StatementParse.Error"/>), not an exception.</summary>
    Task<StatementParse> ReadAsync(CancellationToken cancellationToken);
}
