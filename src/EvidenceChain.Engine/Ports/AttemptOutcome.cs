namespace EvidenceChain.Engine.Ports;

/// <summary>What became of a mined anchor transaction: landed (with where), or reverted by the contract.</summary>
public sealed record AttemptOutcome(ChainInclusion? Inclusion)
{
    public bool Reverted => Inclusion is null;
}
