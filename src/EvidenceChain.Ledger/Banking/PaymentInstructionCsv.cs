using System.Globalization;
using System.Text;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Writes payment instructions as the CSV of docs/formats/bank-statement.md (Payment instructions):
/// UTF-8 without a byte order mark, LF line ends, a fixed header, six fixed columns without quoting,
/// amounts as integer fen. A pure function; a field that cannot be written unquoted is refused.
/// </summary>
public static class PaymentInstructionCsv
{
    /// <summary>The header, the file's first line.</summary>
    public const string Header = "instruction_id,bank_account,amount_fen,payee_account,payee_name,reference";

    /// <summary>The most instructions in one file.</summary>
    public const int InstructionCountMax = 8190;

    /// <summary>The most characters of a payee name.</summary>
    public const int PayeeNameLengthMax = 60;

    /// <summary>The file's bytes.</summary>
    /// <exception cref="ArgumentException">No instruction or too many, or a field that the format cannot carry.</exception>
    public static byte[] Write(IReadOnlyList<PaymentInstruction> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        if (instructions.Count is 0 or > InstructionCountMax)
        {
            throw new ArgumentException($"A file holds 1 to {InstructionCountMax} instructions, not {instructions.Count}.", nameof(instructions));
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (PaymentInstruction instruction in instructions)
        {
            if (!StatementCsv.IsAccountNumber(instruction.BankAccount) || !StatementCsv.IsAccountNumber(instruction.PayeeAccount))
            {
                throw new ArgumentException($"Instruction {instruction.Reference}: account numbers are 1 to 34 of 0-9 and A-Z.", nameof(instructions));
            }

            if (instruction.AmountFen <= 0)
            {
                throw new ArgumentException($"Instruction {instruction.Reference}: the amount must be more than 0 fen.", nameof(instructions));
            }

            string name = instruction.PayeeName;
            if (name.Length is 0 or > PayeeNameLengthMax || name.Any(c => char.IsControl(c) || c is ',' or '"'))
            {
                throw new ArgumentException($"Instruction {instruction.Reference}: a payee name is 1 to {PayeeNameLengthMax} characters without comma, quote or control character.", nameof(instructions));
            }

            text.Append(CultureInfo.InvariantCulture, $"{instruction.PendingId.Value:x32},{instruction.BankAccount},{instruction.AmountFen},{instruction.PayeeAccount},{name},{instruction.Reference}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
