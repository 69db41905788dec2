using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>How the bank desk books statement lines.</summary>
/// <param name="BankAccounts">Each escrow bank account's number at the bank, and the <c>EscrowBank</c> account it is booked in.</param>
/// <param name="SuspenseAccount">The <c>Liability</c> account unmatched credits go to (<c>L:suspense</c>).</param>
/// <param name="InterestAccount">The <c>Liability</c> account bank interest goes to (<c>L:c:interest</c>).</param>
/// <param name="Ledger">The ledger of all these accounts (1 = CNY escrow).</param>
/// <param name="SuspenseCode">The transfer code of a credit to suspense.</param>
/// <param name="InterestCode">The transfer code of bank interest and of its allocation.</param>
public sealed record BankDeskOptions(
    IReadOnlyDictionary<string, AccountId> BankAccounts,
    AccountId SuspenseAccount,
    AccountId InterestAccount,
    uint Ledger,
    ushort SuspenseCode,
    ushort InterestCode);
