using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>An interest allocation's outcome: refused (nothing booked), or the shares and the batch that moved them.</summary>
public sealed record InterestOutcome(InterestAllocationRefusal Refusal, InterestAllocation? Allocation, LedgerBatchOutcome? Batch);
