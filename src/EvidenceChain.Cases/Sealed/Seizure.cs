namespace EvidenceChain.Cases.Sealed;

/// <summary>One court's seizure of one property, as its court document states it (docs/sealed-sale.md §Seizures).</summary>
/// <param name="Number">1 for the case's first recorded seizure, then each one more.</param>
/// <param name="Property">The property seized, 1 to 255 (the court document's leg).</param>
/// <param name="CourtPartyId">The seizing court (the document's issuer).</param>
/// <param name="CourtCaseNumber">The court's execution case number (the document's reference).</param>
/// <param name="SeizedAtMs">When it was issued, Unix milliseconds: the seizure date, and the rank of an ordinary claim paid in order of seizure.</param>
/// <param name="Rank">First or waiting list.</param>
/// <param name="ClaimFen">The claim the seizure secures, fen.</param>
/// <param name="ArtefactLeaf">The leaf of the court document.</param>
public sealed record Seizure(byte Number, byte Property, string CourtPartyId, string CourtCaseNumber, long SeizedAtMs, SeizureRank Rank, long ClaimFen, ulong ArtefactLeaf);
