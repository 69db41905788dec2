using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>An incident as the log records it: raised in a bank record leaf, open until a resolution's leaf.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="LeafIndex">The bank record that raised it (for a reconciliation difference, the reconciliation's).</param>
/// <param name="Resolution">Its resolution, when resolved.</param>
/// <param name="ResolutionLeafIndex">The resolution's bank record, when resolved.</param>
public sealed record BankIncidentStanding(BankIncident Incident, ulong LeafIndex, IncidentResolution? Resolution, ulong? ResolutionLeafIndex)
{
    public bool IsOpen => Resolution is null;
}
