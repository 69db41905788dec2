namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// Flags of an account. Only <see cref="Linked"/> is interpreted; other bits are stored as given.
/// </summary>
[Flags]
#pragma warning disable CA1711 // The name mirrors TigerBeetle's account flags (DOMAIN.md §10.4: same field names).
public enum AccountFlags : ushort
#pragma warning restore CA1711
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Chains this account to the next event of the batch: the chain is created all or none.</summary>
    Linked = 1,
}
