using EvidenceChain.Ledger.Banking;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases;

/// <summary>
/// A bank account money is paid to, as the notarized agreement's condition set names it: payouts go
/// only to accounts named there (docs/cases.md §Condition set), and a payment instruction carries
/// exactly these (bank-statement.md §Payment instructions).
/// </summary>
/// <param name="BankAccount">1 to 34 of 0-9 and A-Z.</param>
/// <param name="Name">The account holder, 1 to 60 characters without comma, quote or control character.</param>
public sealed record PayeeAccount(string BankAccount, string Name)
{
    /// <summary>Why this is not a payee account a bank can be instructed to pay, or null when it is.</summary>
    public string? Problem() =>
        !StatementCsv.IsAccountNumber(BankAccount) ? $"the account number is 1 to 34 of 0-9 and A-Z, not '{BankAccount}'"
        : Name.Length is 0 or > PaymentInstructionCsv.PayeeNameLengthMax || Name.Any(c => char.IsControl(c) || c is ',' or '"') ? $"the holder's name is 1 to {PaymentInstructionCsv.PayeeNameLengthMax} characters without comma, quote or control character"
        : null;

    /// <summary>The account and name as they are signed and recorded: each a text with a one-byte length.</summary>
    internal void WriteTo(RecordWriter writer)
    {
        writer.PutText(BankAccount);
        writer.PutText(Name);
    }

    /// <summary>A payee or none: absent as one zero byte, else the account and the name.</summary>
    internal static void WriteTo(RecordWriter writer, PayeeAccount? payee)
    {
        if (payee is null)
        {
            writer.Put(0);
            return;
        }

        payee.WriteTo(writer);
    }

    /// <summary>Reads what <see cref="WriteTo(RecordWriter, PayeeAccount?)"/> wrote.</summary>
    internal static PayeeAccount? ReadFrom(ref RecordReader reader)
    {
        string account = reader.Text();
        return account.Length == 0 ? null : new PayeeAccount(account, reader.Text());
    }
}
