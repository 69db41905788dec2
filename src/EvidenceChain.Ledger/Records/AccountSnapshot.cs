using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Records;

/// <summary>
/// An account a batch created or moved: its balances after the batch, and the number of the batch
/// that changed it before (0 for none). Each account's snapshots chain back to its creation, so a
/// statement shows that no batch touching the account was left out.
/// </summary>
public sealed record AccountSnapshot(AccountId Id, ulong PreviousBatchNumber, AccountBalance Balance);
