namespace EvidenceChain.Ledger.Escrow;

public sealed partial class EscrowLedger
{
    /// <summary>Checks one account event in docs/ledger.md's order and creates it if no rule is broken.</summary>
    private CreateAccountResult CreateAccount(Account account)
    {
        if (account.Id.Value == UInt128.Zero)
        {
            return CreateAccountResult.IdMustNotBeZero;
        }

        if (account.Id.Value == UInt128.MaxValue)
        {
            return CreateAccountResult.IdMustNotBeIntMax;
        }

        if (account.Kind is not (AccountKind.EscrowBank or AccountKind.Liability or AccountKind.Memo))
        {
            return CreateAccountResult.KindMustBeKnown;
        }

        if (account.Ledger == 0)
        {
            return CreateAccountResult.LedgerMustNotBeZero;
        }

        if (account.Code == 0)
        {
            return CreateAccountResult.CodeMustNotBeZero;
        }

        if (_accounts.TryGetValue(account.Id, out AccountEntry? existing))
        {
            return existing.Account == account ? CreateAccountResult.Exists : CreateAccountResult.ExistsWithDifferentFields;
        }

        AddAccount(account);
        return CreateAccountResult.Ok;
    }
}
