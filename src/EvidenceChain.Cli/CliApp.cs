using System.CommandLine;
using EvidenceChain.Cli.Internal;

namespace EvidenceChain.Cli;

/// <summary>
/// The command line: <c>hash</c> and <c>verify</c>, both offline on Core alone. Everything goes
/// through <see cref="CliContext"/>, so tests run commands in-process and read what they print.
/// </summary>
internal static class CliApp
{
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var language = new Option<string>("--lang")
        {
            Description = "Language of the report and messages: zh (default) or en.",
            DefaultValueFactory = _ => ReportText.ChineseCode,
            Recursive = true,
        };
        language.AcceptOnlyFromAmong(ReportText.ChineseCode, ReportText.EnglishCode);
        var root = new RootCommand("EvidenceChain: hash evidence and verify deposit receipts offline.")
        {
            language,
            HashCommand.Create(context, language),
            VerifyCommand.Create(context, language),
        };

        // System.CommandLine exits 1 on a usage error, which verify reserves for "invalid"; a wrong
        // command line is unusable input, so it gets exit 2 and one line, like any other.
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The raw token, not GetValue: a value outside zh|en is itself one of the errors, and converting it throws.
            ReportText text = ReportText.For(parsed.GetResult(language)?.Tokens is [.., var last] ? last.Value : null);
            context.Error.WriteLine(text.UsageError(string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)))));
            return (int)ExitCode.UnusableInput;
        }

        // Without the default handler a bug surfaces as a crash, never as exit 1, which would read as "invalid".
        return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Some System.CommandLine messages list choices on indented lines; stderr gets one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
