using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Approvals;

/// <summary>One payout a transition makes: the pending transfer that moves the money out of escrow, its amount and whom the bank pays.</summary>
public sealed record Payout(TransferId TransferId, long AmountFen, PayeeAccount Payee);
