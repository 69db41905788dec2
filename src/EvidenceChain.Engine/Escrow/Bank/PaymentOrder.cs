using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>A request to instruct the bank to pay out a pending transfer: the payee's details come from the case, not the ledger.</summary>
public sealed record PaymentOrder(TransferId PendingId, string PayeeAccount, string PayeeName);
