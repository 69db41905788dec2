using System.Globalization;
using EvidenceChain.Engine.Escrow.Bank;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The bank desk's accounts (section "Bank"; docs/service.md#escrow-ledger): which ledger account
/// books each escrow bank account, and where unmatched credits and bank interest go. The accounts
/// themselves are created through <c>EscrowService.CreateAccounts</c> like any other; the desk only
/// names them. Ids are 32 lowercase hex digits, as the CLI prints them.
/// </summary>
internal sealed class BankSettings
{
    /// <summary>The default suspense account (<c>L:suspense</c>, a <c>Liability</c>).</summary>
    public const string DefaultSuspenseAccount = "0000000000000000000000000000b001";

    /// <summary>The default interest account (<c>L:c:interest</c>, a <c>Liability</c>).</summary>
    public const string DefaultInterestAccount = "0000000000000000000000000000b002";

    /// <summary>Each escrow bank account's number at the bank → its <c>EscrowBank</c> ledger account id. None by default: every line is then refused as of an unknown account.</summary>
    public Dictionary<string, string> Accounts { get; set; } = [];

    public string SuspenseAccount { get; set; } = DefaultSuspenseAccount;

    public string InterestAccount { get; set; } = DefaultInterestAccount;

    /// <summary>The ledger of all these accounts (1 = CNY escrow).</summary>
    public uint Ledger { get; set; } = 1;

    /// <summary>The transfer code of a credit to suspense.</summary>
    public ushort SuspenseCode { get; set; } = 90;

    /// <summary>The transfer code of bank interest and its allocation.</summary>
    public ushort InterestCode { get; set; } = 91;

    /// <summary>The desk's options.</summary>
    /// <exception cref="InvalidOperationException">A setting is malformed; the message names it.</exception>
    public BankDeskOptions ToOptions()
    {
        var accounts = new Dictionary<string, AccountId>(StringComparer.Ordinal);
        foreach ((string number, string id) in Accounts)
        {
            if (!StatementCsv.IsAccountNumber(number))
            {
                throw new InvalidOperationException($"Bank:Accounts: '{number}' is not a bank account number (1 to 34 of 0-9 and A-Z).");
            }

            accounts.Add(number, Id($"Bank:Accounts:{number}", id));
        }

        if (accounts.Count > Reconciliation.AccountCountMax)
        {
            throw new InvalidOperationException($"Bank:Accounts: at most {Reconciliation.AccountCountMax} escrow bank accounts, not {accounts.Count}.");
        }

        AccountId suspense = Id("Bank:SuspenseAccount", SuspenseAccount);
        AccountId interest = Id("Bank:InterestAccount", InterestAccount);
        if (suspense == interest || accounts.ContainsValue(suspense) || accounts.ContainsValue(interest))
        {
            throw new InvalidOperationException("Bank:SuspenseAccount, Bank:InterestAccount and the escrow bank accounts of Bank:Accounts must be different accounts.");
        }

        if (SuspenseCode == 0 || InterestCode == 0)
        {
            throw new InvalidOperationException("Bank:SuspenseCode and Bank:InterestCode must not be 0 (a transfer code is never 0).");
        }

        return new BankDeskOptions(accounts, suspense, interest, Ledger, SuspenseCode, InterestCode);
    }

    private static AccountId Id(string setting, string hex) =>
        hex.Length == 32 && hex.All(char.IsAsciiHexDigitLower)
            && UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 value)
            && value != UInt128.Zero && value != UInt128.MaxValue
            ? new AccountId(value)
            : throw new InvalidOperationException($"{setting}: '{hex}' is not a ledger account id (32 lowercase hex digits, not 0 and not all ones).");
}
