namespace EvidenceChain.Ledger.Banking;

/// <summary>The 128-bit id of a bank incident; derived by the engine from what raised it, so raising it again is the same incident.</summary>
public readonly record struct IncidentId(UInt128 Value);
