namespace EvidenceChain.Ledger.Banking;

/// <summary>Why a statement file was refused (docs/formats/bank-statement.md, Errors). Numbers never change and are never reused.</summary>
#pragma warning disable CA1008 // There is no "no problem": a parse that succeeds has no error at all.
public enum StatementCsvProblem : byte
#pragma warning restore CA1008
{
    /// <summary>The file is larger than <see cref="StatementCsv.FileLengthMaxBytes"/>.</summary>
    FileTooLarge = 1,

    /// <summary>The file is not valid UTF-8, or starts with a byte order mark.</summary>
    NotUtf8 = 2,

    /// <summary>A carriage return, or the last row does not end in a line feed.</summary>
    LineEndingMalformed = 3,

    /// <summary>The first row is not exactly the header.</summary>
    HeaderMismatch = 4,

    /// <summary>A row has other than 8 columns (a comma or quote inside a field counts here).</summary>
    ColumnCountWrong = 5,

    /// <summary>More rows than <see cref="StatementCsv.RowCountMax"/>.</summary>
    TooManyRows = 6,

    /// <summary>The type is not <c>line</c>, <c>interest</c> or <c>closing</c>.</summary>
    TypeUnknown = 7,

    /// <summary>The bank account is not 1 to 34 of 0-9, A-Z.</summary>
    BankAccountMalformed = 8,

    /// <summary>The serial is not 1 to 64 of 0-9, A-Z, a-z, '-', '_'.</summary>
    SerialMalformed = 9,

    /// <summary>The value date is not a real date written YYYY-MM-DD.</summary>
    DateMalformed = 10,

    /// <summary>The direction is not <c>C</c> or <c>D</c> (interest: only <c>C</c>).</summary>
    DirectionMalformed = 11,

    /// <summary>The amount is not integer fen: digits only, no sign, no leading zero, at most <see cref="long.MaxValue"/>; more than 0 on a line.</summary>
    AmountMalformed = 12,

    /// <summary>The counterparty account is not empty or 1 to 34 of 0-9, A-Z.</summary>
    CounterpartyMalformed = 13,

    /// <summary>The reference is longer than 140 characters or holds a control character.</summary>
    ReferenceMalformed = 14,

    /// <summary>A column that a closing row leaves empty is not empty.</summary>
    FieldMustBeEmpty = 15,

    /// <summary>The same bank account and serial (or account and closing date) appear twice with different content.</summary>
    DuplicateSerialWithDifferentContent = 16,
}
