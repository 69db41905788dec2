namespace EvidenceChain.Engine.Ports;

/// <summary>
/// One signed anchor transaction, stored before it is broadcast so that a crash never sends a
/// second anchor with another nonce: after a restart the same bytes are sent again, or replaced by a
/// higher-fee transaction with the same nonce and gas when they are stuck. Fees are in wei per gas.
/// </summary>
public sealed record AnchorAttempt(string TransactionHash, ulong Nonce, string SignedTransaction, ulong Gas, ulong MaxFeePerGas, ulong MaxPriorityFeePerGas, long SentAtMs);
