namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// An escrow account as the client creates it (docs/ledger.md, Accounts). It is immutable once
/// created and never deleted; only its <see cref="AccountBalance"/> moves. Field names follow
/// TigerBeetle's, so moving to it later is a mapping, not a redesign (DOMAIN.md §10.4).
/// </summary>
/// <param name="Id">Client-chosen id; not 0, not all ones.</param>
/// <param name="Kind">Fixes the balance rule.</param>
/// <param name="Ledger">Currency and book (1 = CNY escrow); not 0. Transfers stay within one ledger.</param>
/// <param name="Code">The account's purpose (buyer, seller, payoff, fees, suspense, …); not 0.</param>
/// <param name="Flags"><see cref="AccountFlags.Linked"/> chains it to the next account of the batch.</param>
/// <param name="UserData128">A link (case id, …); not interpreted.</param>
/// <param name="UserData64">A link; not interpreted.</param>
/// <param name="UserData32">A link; not interpreted.</param>
public sealed record Account(
    AccountId Id,
    AccountKind Kind,
    uint Ledger,
    ushort Code,
    AccountFlags Flags = AccountFlags.None,
    UInt128 UserData128 = default,
    ulong UserData64 = 0,
    uint UserData32 = 0);
