using System.CommandLine;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli;

/// <summary>
/// The command line: the offline <c>hash</c> and <c>verify</c> of EvidenceChain.Cli.Offline (Core
/// alone), and the online <c>deposit</c>, <c>receipt</c>, <c>checkpoint</c> and <c>consistency</c>
/// over gRPC, <c>monitor</c>, which checks the log's anchors on chain, and <c>ca</c>, the deployment's
/// certificate authority for mutual TLS, <c>party</c>, the registry of who may call, and <c>custody</c>, a party's provable trail, <c>locator</c>, receipts published under revocable capabilities, <c>ledger</c>, escrow account statements, <c>bank</c>, the escrow ledger's bank desk, <c>case</c>, 带押过户 cases, <c>sale</c>, 带封过户 cases, the offline <c>vault</c>, content encrypted under a key only its owner holds, and the offline <c>certificate</c>, a receipt's deposit certificate as a PDF. Everything goes through
/// <see cref="CliContext"/>, so tests run commands in-process and read what they print.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
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
        var root = new RootCommand("EvidenceChain: hash evidence and deposit its commitments with a notary, fetch receipts, audit the log, and verify receipts offline.")
        {
            language,
            HashCommand.Create(context, language),
            VerifyCommand.Create(context, language, Internal.CanonicalityRpcNode.Connect),
            VerifyDisclosureCommand.Create(context, language),
            CertificateCommand.Create(context, language),
            DiscloseCommand.Create(context, language),
            DepositCommand.Create(context, language),
            ReceiptCommand.Create(context, language),
            CheckpointCommand.Create(context, language),
            ConsistencyCommand.Create(context, language),
            MonitorCommand.Create(context, language),
            CaCommand.Create(context, language),
            PartyCommand.Create(context, language),
            CustodyCommand.Create(context, language),
            LocatorCommand.Create(context, language),
            LedgerCommand.Create(context, language),
            BankCommand.Create(context, language),
            CaseCommand.Create(context, language),
            SaleCommand.Create(context, language),
            PledgeCommand.Create(context, language),
            VaultCommand.Create(context, language),
            BackupCommand.Create(context, language),
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
        var configuration = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Some System.CommandLine messages list choices on indented lines; stderr gets one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
