using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>The interest one sub-account earned and who receives it.</summary>
/// <param name="SubAccount">The sub-account whose balance earned it.</param>
/// <param name="Recipient">The account credited with it.</param>
/// <param name="AmountFen">The share, fen, 0 or more.</param>
public sealed record InterestShare(AccountId SubAccount, AccountId Recipient, long AmountFen);
