namespace EvidenceChain.Cases.Evidence;

/// <summary>What a guard asks of one artefact.</summary>
/// <param name="Type">The artefact type it must have.</param>
/// <param name="Subject">What it must say (<see cref="ArtefactSubjects"/>), or 0 for any.</param>
/// <param name="Leg">The payoff leg or tranche it must concern, or 0 for any.</param>
/// <param name="IssuerPartyId">The party that must have issued it (a payoff leg's lender), or null for any party of an allowed role.</param>
/// <param name="SameDay">Whether it must be issued on the day of the transition (a title search before a payoff), China Standard Time.</param>
public sealed record ArtefactRequirement(ArtefactType Type, byte Subject = 0, byte Leg = 0, string? IssuerPartyId = null, bool SameDay = false)
{
    /// <summary>The requirement as people read it: "PayoffQuote for leg 1 from &lt;lender&gt;".</summary>
    public override string ToString() =>
        Type + (Subject != 0 ? $" (subject {Subject})" : string.Empty) + (Leg != 0 ? $" for leg {Leg}" : string.Empty)
        + (IssuerPartyId is string issuer ? $" from {issuer}" : string.Empty) + (SameDay ? " issued today" : string.Empty);
}
