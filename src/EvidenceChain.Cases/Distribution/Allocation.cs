namespace EvidenceChain.Cases.Distribution;

/// <summary>What one claim receives from the net proceeds.</summary>
/// <param name="ClaimNumber">The <see cref="Claim.Number"/> it pays.</param>
/// <param name="AmountFen">The amount in fen; 0 when the money ran out before this claim.</param>
public sealed record Allocation(byte ClaimNumber, long AmountFen);
