namespace EvidenceChain.Engine.Ports;

/// <summary>What fixes a log for life: its origin (which names its tree hash) and when it was created.</summary>
public sealed record LogIdentity(string Origin, long CreatedAtMs);
