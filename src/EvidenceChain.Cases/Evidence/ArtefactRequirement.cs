namespace EvidenceChain.Cases.Evidence;

/// <summary>What a guard asks of one artefact.</summary>
/// <param name="Type">The artefact type it must have.</param>
/// <param name="Subject">What it must say (<see cref="ArtefactSubjects"/>), or 0 for any.</param>
/// <param name="Leg">The payoff leg or tranche it must concern, or 0 for any.</param>
/// <param name="IssuerPartyId">The party that must have issued it (a payoff leg's lender), or null for any party of an allowed role.</param>
/// <param name="SameDay">Whether it must be issued on the day of the transition (a title search before a payoff), China Standard Time.</param>
public sealed record ArtefactRequirement(ArtefactType Type, byte Subject = 0, byte Leg = 0, string? IssuerPartyId = null, bool SameDay = false);
