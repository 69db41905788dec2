using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow;

/// <summary>A committed ledger batch: its number, the leaf that notarizes it, and one result per event (only one of the two lists is filled).</summary>
public sealed record LedgerBatchOutcome(
    ulong BatchNumber,
    ulong LeafIndex,
    IReadOnlyList<CreateAccountResult> AccountResults,
    IReadOnlyList<CreateTransferResult> TransferResults);
