namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// What an account is, which fixes its balance rule (docs/ledger.md, Accounts). Numbers never
/// change; 0 is deliberately not a kind, so a forgotten field is refused (<see cref="CreateAccountResult.KindMustBeKnown"/>).
/// </summary>
public enum AccountKind : byte
{
    /// <summary>A real escrow bank account (an asset, debit-normal): never overdrawn, pending included.</summary>
    EscrowBank = 1,

    /// <summary>Money held for a party or purpose (credit-normal): never negative, pending included.</summary>
    Liability = 2,

    /// <summary>An off-balance claim: no balance rule, never mixed with escrow accounts.</summary>
    Memo = 3,
}
