namespace EvidenceChain.Engine.Ports;

/// <summary>What became of a mined anchor transaction: landed (with where), or reverted by the contract.</summary>
/// <param name="Inclusion">Where it landed; null when the contract reverted it.</param>
public sealed record AttemptOutcome(ChainInclusion? Inclusion);
