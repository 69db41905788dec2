using System.Text;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Ledger.Tests.Banking;

public class StatementCsvTests
{
    private const string Header = StatementCsv.Header + "\n";
    private const string Good = "line,6222021001001234567,S1,2025-12-21,C,150000000,6217001234567890123,EC0000000000000000000000000000000a\n";

    [Fact]
    public void Parse_WorkedExampleFile_GivesItsLinesAndClosing()
    {
        StatementParse parse = StatementCsv.Parse(File.ReadAllBytes(ExamplePath()));

        Assert.Null(parse.Error);
        Statement statement = parse.Statement!;
        Assert.Equal(4, statement.Lines.Count);
        Assert.Equal(new StatementLine("6222021001001234567", "20251221000001", new DateOnly(2025, 12, 21), StatementRowType.Line, StatementDirection.Credit, 150000000, "6217001234567890123", "首付款 EC0000000000000000000000000000000a"), statement.Lines[0]);
        Assert.Equal(StatementDirection.Debit, statement.Lines[2].Direction);
        Assert.Equal(StatementRowType.Interest, statement.Lines[3].Type);
        Assert.Equal(string.Empty, statement.Lines[3].CounterpartyAccount);
        Assert.Equal(new ClosingBalance("6222021001001234567", new DateOnly(2025, 12, 21), 150062345), Assert.Single(statement.Closings));
    }

    [Theory]
    [InlineData("1.00", StatementCsvProblem.AmountMalformed)]
    [InlineData("-5", StatementCsvProblem.AmountMalformed)]
    [InlineData("0", StatementCsvProblem.AmountMalformed)]
    [InlineData("007", StatementCsvProblem.AmountMalformed)]
    [InlineData("1,000", StatementCsvProblem.ColumnCountWrong)]
    [InlineData("9223372036854775808", StatementCsvProblem.AmountMalformed)]
    public void Parse_MalformedAmount_NamesLineAndColumn(string amount, StatementCsvProblem problem)
    {
        StatementParse parse = Parse(Header + Good.Replace("150000000", amount, StringComparison.Ordinal));

        Assert.Equal(problem, parse.Error!.Problem);
        Assert.Equal(2, parse.Error.LineNumber);
        Assert.Equal(problem == StatementCsvProblem.AmountMalformed ? 6 : 0, parse.Error.ColumnNumber);
        if (problem == StatementCsvProblem.AmountMalformed)
        {
            Assert.StartsWith("line 2, column 6 (amount_fen):", parse.Error.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("line,6222,S1,2025-02-30,C,1,,x\n", 4, StatementCsvProblem.DateMalformed)]
    [InlineData("line,6222,S1,2025-12-21,X,1,,x\n", 5, StatementCsvProblem.DirectionMalformed)]
    [InlineData("interest,6222,S1,2025-12-21,D,1,,x\n", 5, StatementCsvProblem.DirectionMalformed)]
    [InlineData("line,62 22,S1,2025-12-21,C,1,,x\n", 2, StatementCsvProblem.BankAccountMalformed)]
    [InlineData("line,6222,S 1,2025-12-21,C,1,,x\n", 3, StatementCsvProblem.SerialMalformed)]
    [InlineData("wire,6222,S1,2025-12-21,C,1,,x\n", 1, StatementCsvProblem.TypeUnknown)]
    [InlineData("closing,6222,S1,2025-12-21,,1,,\n", 3, StatementCsvProblem.FieldMustBeEmpty)]
    [InlineData("line,6222,S1,2025-12-21,C,1,,\"x\"\n", 8, StatementCsvProblem.ReferenceMalformed)]
    public void Parse_MalformedField_NamesItsColumn(string row, int column, StatementCsvProblem problem)
    {
        StatementParse parse = Parse(Header + row);

        Assert.Equal((2, column, problem), (parse.Error!.LineNumber, parse.Error.ColumnNumber, parse.Error.Problem));
    }

    [Fact]
    public void Parse_FileShape_RefusedWithTheRuleBroken()
    {
        Assert.Equal(StatementCsvProblem.HeaderMismatch, Parse("type,bank\n" + Good).Error!.Problem);
        Assert.Equal(StatementCsvProblem.LineEndingMalformed, Parse(Header.Replace("\n", "\r\n", StringComparison.Ordinal) + Good).Error!.Problem);
        Assert.Equal(StatementCsvProblem.LineEndingMalformed, Parse(Header + Good.TrimEnd('\n')).Error!.Problem);
        Assert.Equal(StatementCsvProblem.NotUtf8, StatementCsv.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Header + Good)]).Error!.Problem);
        Assert.Equal(StatementCsvProblem.NotUtf8, StatementCsv.Parse([.. Encoding.UTF8.GetBytes(Header), 0xFF, (byte)'\n']).Error!.Problem);
        Assert.Equal(StatementCsvProblem.FileTooLarge, StatementCsv.Parse(new byte[StatementCsv.FileLengthMaxBytes + 1]).Error!.Problem);
    }

    [Fact]
    public void Parse_SameSerialTwice_OneLineIfSameElseRefused()
    {
        Assert.Single(Parse(Header + Good + Good).Statement!.Lines);

        StatementParse different = Parse(Header + Good + Good.Replace("150000000", "150000001", StringComparison.Ordinal));

        Assert.Equal((3, StatementCsvProblem.DuplicateSerialWithDifferentContent), (different.Error!.LineNumber, different.Error.Problem));
    }

    [Fact]
    public void Write_PaymentInstructions_AsDocumented()
    {
        byte[] file = PaymentInstructionCsv.Write([new PaymentInstruction(new EvidenceChain.Ledger.Escrow.TransferId(11), "6222021001001234567", 100000000, "6228480000000000001", "李四")]);

        Assert.Equal(
            PaymentInstructionCsv.Header + "\n0000000000000000000000000000000b,6222021001001234567,100000000,6228480000000000001,李四,EC0000000000000000000000000000000b\n",
            Encoding.UTF8.GetString(file));
        Assert.Throws<ArgumentException>(() => PaymentInstructionCsv.Write([new PaymentInstruction(new EvidenceChain.Ledger.Escrow.TransferId(11), "6222", 1, "6228", "Li, Si")]));
    }

    internal static string ExamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvidenceChain.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "examples", "bank-statement.csv");
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found above " + AppContext.BaseDirectory);
    }

    private static StatementParse Parse(string text) => StatementCsv.Parse(Encoding.UTF8.GetBytes(text));
}
