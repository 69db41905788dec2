using EvidenceChain.Core.Access;

namespace EvidenceChain.Pledges;

/// <summary>What a registry decision reads from the world, as values and lookups (the rules stay pure).</summary>
/// <param name="Day">The day of the event, China Standard Time (a valuation is not dated after it).</param>
/// <param name="AtMs">The time of the event, Unix milliseconds: every signing key must be valid then.</param>
/// <param name="SignedTreeSize">The size of the latest signed checkpoint: deposits and contracts named must be inside it.</param>
/// <param name="PartyOf">The party registry.</param>
/// <param name="AssetOfDeposit">The asset a deposit leaf is already part of, or null (<see cref="PledgeRegistry.AssetOfDeposit"/>).</param>
public sealed record PledgeContext(
    DateOnly Day,
    long AtMs,
    ulong SignedTreeSize,
    Func<string, Party?> PartyOf,
    Func<ulong, AssetId?> AssetOfDeposit);
