namespace EvidenceChain.Ledger.Banking;

/// <summary>The recorded resolution of a bank incident: what was found and done, and the evidence for it.</summary>
/// <param name="Id">The incident resolved.</param>
/// <param name="EvidenceLeafIndex">The log leaf of the evidence deposited for it (the bank's confirmation, a correcting transfer's batch), if any.</param>
/// <param name="Note">What was found and done: 1 to 1,024 bytes of UTF-8.</param>
public sealed record IncidentResolution(IncidentId Id, ulong? EvidenceLeafIndex, string Note);
