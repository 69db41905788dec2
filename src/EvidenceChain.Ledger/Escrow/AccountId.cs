namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The 128-bit id of an escrow account, chosen by the client (docs/ledger.md, Accounts). A distinct
/// type so an account id can never be passed where a transfer id is wanted. 0 and all ones are
/// reserved and refused.
/// </summary>
/// <param name="Value">The id; not 0 and not <see cref="UInt128.MaxValue"/> for a valid account.</param>
public readonly record struct AccountId(UInt128 Value);
