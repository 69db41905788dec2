using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>One pledge of an asset, as its events left it.</summary>
/// <param name="Id">The pledge.</param>
/// <param name="Terms">Its terms, as applied for.</param>
/// <param name="State">Where it stands.</param>
/// <param name="JuniorNotice">A junior pledge: the digests of the notice to the senior pledgee(s), recorded at activation; else null.</param>
/// <param name="ActivatedAtMs">When it was put in force, Unix milliseconds; null before.</param>
/// <param name="Route">The enforcement route, once enforcement started; else null.</param>
/// <param name="Split">The split of the enforcement proceeds, once recorded; else null.</param>
public sealed record Pledge(
    PledgeId Id,
    PledgeTerms Terms,
    PledgeState State,
    DigestPair? JuniorNotice,
    long? ActivatedAtMs,
    EnforcementRoute? Route,
    ProceedsSplit? Split)
{
    /// <summary>Whether the pledge is in force: it locks the asset and holds its rank.</summary>
    public bool IsInForce => PledgeTransitions.InForce.Contains(State);
}
