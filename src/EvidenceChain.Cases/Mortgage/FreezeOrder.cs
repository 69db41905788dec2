using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>A court's freeze: the amount held from an account of the case under the court's order.</summary>
/// <param name="Order">The order's number in the case, 1 to 255 (its hold account's leg).</param>
/// <param name="Source">The case account the amount was held from.</param>
/// <param name="AmountFen">The amount held.</param>
/// <param name="IsActive">Whether it still holds (not lifted, not deducted).</param>
public sealed record FreezeOrder(byte Order, AccountId Source, long AmountFen, bool IsActive);
