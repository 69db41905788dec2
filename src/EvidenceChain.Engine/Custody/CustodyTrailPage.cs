using EvidenceChain.Core.Custody;

namespace EvidenceChain.Engine.Custody;

/// <summary>One page of a party's trail: the proven events, where the next page starts, and whether events wait for the next checkpoint.</summary>
public sealed record CustodyTrailPage(CustodyTrail Trail, ulong NextLeafIndex, bool MorePending);
