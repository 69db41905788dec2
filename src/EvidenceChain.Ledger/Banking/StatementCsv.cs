using System.Buffers;
using System.Globalization;
using System.Text;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Parses the statement CSV of docs/formats/bank-statement.md: UTF-8 without a byte order mark,
/// rows ending in U+000A, a fixed header, eight fixed columns without quoting, amounts as integer
/// fen. Strict: the first thing wrong is reported with its line and column, and nothing of the file
/// is taken. A pure function of the bytes.
/// </summary>
/// <remarks>
/// Limits: at most <see cref="FileLengthMaxBytes"/> bytes and <see cref="RowCountMax"/> rows after
/// the header. An exact repeat of a line (same account and serial, same content) is one line, so a
/// bank's overlapping exports can be concatenated; the same serial with other content is refused.
/// </remarks>
public static class StatementCsv
{
    /// <summary>The largest statement file taken: 8 MiB.</summary>
    public const int FileLengthMaxBytes = 8 * 1024 * 1024;

    /// <summary>The most rows after the header.</summary>
    public const int RowCountMax = 65_536;

    /// <summary>The most characters (UTF-16 code units) of a reference.</summary>
    public const int ReferenceLengthMax = 140;

    /// <summary>The header, the file's first line.</summary>
    public const string Header = "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference";

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Header.Split(',');

    private const int ColumnType = 1;
    private const int ColumnBankAccount = 2;
    private const int ColumnSerial = 3;
    private const int ColumnValueDate = 4;
    private const int ColumnDirection = 5;
    private const int ColumnAmount = 6;
    private const int ColumnCounterparty = 7;
    private const int ColumnReference = 8;

    private static readonly SearchValues<char> s_accountChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> s_serialChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_");

    /// <summary>Parses a whole statement file.</summary>
    public static StatementParse Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length > FileLengthMaxBytes)
        {
            return Fail(0, 0, StatementCsvProblem.FileTooLarge, $"the file has {file.Length} bytes; at most {FileLengthMaxBytes} are taken");
        }

        if (file.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Fail(1, 0, StatementCsvProblem.NotUtf8, "the file starts with a byte order mark; write UTF-8 without one");
        }

        int invalidAt = FirstInvalidUtf8(file);
        if (invalidAt >= 0)
        {
            return Fail(file[..invalidAt].Count((byte)'\n') + 1, 0, StatementCsvProblem.NotUtf8, $"byte {invalidAt} of the file is not valid UTF-8");
        }

        string text = Encoding.UTF8.GetString(file);
        int carriageReturn = text.IndexOf('\r', StringComparison.Ordinal);
        if (carriageReturn >= 0)
        {
            return Fail(text.AsSpan(0, carriageReturn).Count('\n') + 1, 0, StatementCsvProblem.LineEndingMalformed, "a row ends in CR LF; rows end in LF only");
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            return Fail(text.AsSpan().Count('\n') + 1, 0, StatementCsvProblem.LineEndingMalformed, "the last row does not end in LF");
        }

        string[] rows = text[..^1].Split('\n');
        if (rows[0] != Header)
        {
            return Fail(1, 0, StatementCsvProblem.HeaderMismatch, $"the header must be exactly \"{Header}\"");
        }

        if (rows.Length - 1 > RowCountMax)
        {
            return Fail(RowCountMax + 2, 0, StatementCsvProblem.TooManyRows, $"a statement holds at most {RowCountMax} rows");
        }

        var lines = new List<StatementLine>();
        var closings = new List<ClosingBalance>();
        var bySerial = new Dictionary<(string, string), StatementLine>();
        var byClosingDate = new Dictionary<(string, DateOnly), ClosingBalance>();
        for (int index = 1; index < rows.Length; index++)
        {
            int lineNumber = index + 1;
            StatementCsvError? error = ParseRow(lineNumber, rows[index], out StatementLine? line, out ClosingBalance? closing);
            if (error is not null)
            {
                return new StatementParse(null, error);
            }

            if (line is not null)
            {
                if (bySerial.TryGetValue((line.BankAccount, line.Serial), out StatementLine? seen))
                {
                    if (seen != line)
                    {
                        return Fail(lineNumber, ColumnSerial, StatementCsvProblem.DuplicateSerialWithDifferentContent, $"serial {line.Serial} of account {line.BankAccount} appeared before with other content");
                    }

                    continue;
                }

                bySerial.Add((line.BankAccount, line.Serial), line);
                lines.Add(line);
            }
            else
            {
                if (byClosingDate.TryGetValue((closing!.BankAccount, closing.Date), out ClosingBalance? seen))
                {
                    if (seen != closing)
                    {
                        return Fail(lineNumber, ColumnAmount, StatementCsvProblem.DuplicateSerialWithDifferentContent, $"account {closing.BankAccount} has another closing balance for {closing.Date:yyyy-MM-dd} before");
                    }

                    continue;
                }

                byClosingDate.Add((closing.BankAccount, closing.Date), closing);
                closings.Add(closing);
            }
        }

        return new StatementParse(new Statement(lines, closings), null);
    }

    /// <summary>Parses one amount in integer fen as the format writes it: digits only, no sign, no leading zero, at most <see cref="long.MaxValue"/>.</summary>
    public static bool TryParseAmountFen(ReadOnlySpan<char> text, out long amountFen)
    {
        amountFen = 0;
        if (text.Length is 0 or > 19 || (text.Length > 1 && text[0] == '0') || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amountFen);
    }

    private static StatementCsvError? ParseRow(int lineNumber, string row, out StatementLine? line, out ClosingBalance? closing)
    {
        line = null;
        closing = null;
        string[] fields = row.Split(',');
        if (fields.Length != ColumnNames.Count)
        {
            return Error(lineNumber, 0, StatementCsvProblem.ColumnCountWrong, $"the row has {fields.Length} columns, not {ColumnNames.Count} (fields hold no comma and are never quoted)");
        }

        StatementRowType? type = fields[ColumnType - 1] switch
        {
            "line" => StatementRowType.Line,
            "interest" => StatementRowType.Interest,
            "closing" => StatementRowType.Closing,
            _ => null,
        };
        if (type is null)
        {
            return Error(lineNumber, ColumnType, StatementCsvProblem.TypeUnknown, $"\"{fields[ColumnType - 1]}\" is not line, interest or closing");
        }

        string bankAccount = fields[ColumnBankAccount - 1];
        if (!IsAccountNumber(bankAccount))
        {
            return Error(lineNumber, ColumnBankAccount, StatementCsvProblem.BankAccountMalformed, "an account number is 1 to 34 of 0-9 and A-Z");
        }

        if (!DateOnly.TryParseExact(fields[ColumnValueDate - 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return Error(lineNumber, ColumnValueDate, StatementCsvProblem.DateMalformed, $"\"{fields[ColumnValueDate - 1]}\" is not a date written YYYY-MM-DD");
        }

        if (!TryParseAmountFen(fields[ColumnAmount - 1], out long amountFen) || (type != StatementRowType.Closing && amountFen == 0))
        {
            return Error(lineNumber, ColumnAmount, StatementCsvProblem.AmountMalformed, $"\"{fields[ColumnAmount - 1]}\" is not an amount in integer fen (digits only, no sign, decimal point or leading zero{(type == StatementRowType.Closing ? string.Empty : ", more than 0")})");
        }

        if (type == StatementRowType.Closing)
        {
            foreach (int column in (ReadOnlySpan<int>)[ColumnSerial, ColumnDirection, ColumnCounterparty, ColumnReference])
            {
                if (fields[column - 1].Length != 0)
                {
                    return Error(lineNumber, column, StatementCsvProblem.FieldMustBeEmpty, "a closing row leaves this column empty");
                }
            }

            closing = new ClosingBalance(bankAccount, date, amountFen);
            return null;
        }

        string serial = fields[ColumnSerial - 1];
        if (serial.Length is 0 or > 64 || serial.AsSpan().ContainsAnyExcept(s_serialChars))
        {
            return Error(lineNumber, ColumnSerial, StatementCsvProblem.SerialMalformed, "a serial is 1 to 64 of 0-9, A-Z, a-z, '-' and '_'");
        }

        StatementDirection? direction = fields[ColumnDirection - 1] switch
        {
            "C" => StatementDirection.Credit,
            "D" when type == StatementRowType.Line => StatementDirection.Debit,
            _ => null,
        };
        if (direction is null)
        {
            return Error(lineNumber, ColumnDirection, StatementCsvProblem.DirectionMalformed, type == StatementRowType.Interest ? "an interest row is a credit: C" : "the direction is C (money in) or D (money out)");
        }

        string counterparty = fields[ColumnCounterparty - 1];
        if (counterparty.Length != 0 && !IsAccountNumber(counterparty))
        {
            return Error(lineNumber, ColumnCounterparty, StatementCsvProblem.CounterpartyMalformed, "a counterparty account is empty or 1 to 34 of 0-9 and A-Z");
        }

        string reference = fields[ColumnReference - 1];
        if (reference.Length > ReferenceLengthMax || reference.Any(char.IsControl) || reference.Contains('"', StringComparison.Ordinal))
        {
            return Error(lineNumber, ColumnReference, StatementCsvProblem.ReferenceMalformed, $"a reference is at most {ReferenceLengthMax} characters, without control characters or quotes");
        }

        line = new StatementLine(bankAccount, serial, date, type.Value, direction.Value, amountFen, counterparty, reference);
        return null;
    }

    /// <summary>Whether the text is an account number as the format writes it: 1 to 34 of 0-9 and A-Z.</summary>
    public static bool IsAccountNumber(ReadOnlySpan<char> text) => text.Length is >= 1 and <= 34 && !text.ContainsAnyExcept(s_accountChars);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    private static StatementCsvError Error(int lineNumber, int column, StatementCsvProblem problem, string detail) => new(lineNumber, column, problem, detail);

    private static StatementParse Fail(int lineNumber, int column, StatementCsvProblem problem, string detail) => new(null, Error(lineNumber, column, problem, detail));
}
