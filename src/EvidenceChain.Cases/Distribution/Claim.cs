namespace EvidenceChain.Cases.Distribution;

/// <summary>A claim on the net proceeds of a sealed sale.</summary>
/// <param name="Number">1 to <see cref="Allocator.ClaimNumberMax"/>, unique across the whole plan: it names the case's payee account for the claim.</param>
/// <param name="AmountFen">What the claim is owed, in fen; positive.</param>
/// <param name="RankMs">The registration or seizure time, Unix milliseconds: an earlier claim ranks first in a sequential tier and wins ties for a leftover fen in a pro-rata one.</param>
public sealed record Claim(byte Number, long AmountFen, long RankMs);
