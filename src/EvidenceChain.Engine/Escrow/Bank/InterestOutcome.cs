using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>An interest allocation's outcome: the daily balances it weighed, and either the refusal (nothing booked) or the shares and the batch that moved them.</summary>
public sealed record InterestOutcome(InterestAllocationRefusal Refusal, IReadOnlyList<InterestWeight> Weights, InterestAllocation? Allocation, LedgerBatchOutcome? Batch);
