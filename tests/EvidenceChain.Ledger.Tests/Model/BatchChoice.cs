namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>The random numbers one batch is built from: accounts or transfers, and its events.</summary>
internal sealed record BatchChoice(int What, EventChoice[] Events);
