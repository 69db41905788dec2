namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The claims a court has before it, for <c>sale plan --tiers FILE</c>: <c>{"tiers": [tier, …]}</c>, each tier
/// as in a plan file (<see cref="SalePlanJson.TierJson"/>), ascending by kind.
/// </summary>
internal sealed record SaleTiersJson(IReadOnlyList<SalePlanJson.TierJson> Tiers);
