using EvidenceChain.Pledges;

namespace EvidenceChain.Engine.Pledges;

/// <summary>An applied pledge event: its decision, and the leaf of its record, null when it was refused (then nothing was recorded).</summary>
public sealed record PledgeOutcome(PledgeDecision Decision, ulong? LeafIndex)
{
    public bool IsApplied => LeafIndex is not null;
}
