namespace EvidenceChain.Ledger.Records;

/// <summary>What a ledger batch did (ledger-batch.md). Stable numbers: they are in the log.</summary>
public enum LedgerOperation : byte
{
    CreateAccounts = 1,
    CreateTransfers = 2,
}
