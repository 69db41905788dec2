using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain ledger statement ACCOUNT_ID [--from N] [--out FILE] [--key VKEY]… [--trust FILE]</c> with the
/// server options, and <c>evidencechain ledger verify STATEMENT [--key VKEY]… [--trust FILE]</c>, offline: an escrow
/// ledger account's statement, every batch proven in the log and the balances followed from the account's creation.
/// </summary>
internal static class LedgerCommand
{
    public static Command Create(CliContext context, Option<string> language) =>
        new("ledger", "Escrow ledger account statements: every batch that moved an account, proven in the log, its balances followed batch by batch.")
        {
            Statement(context, language),
            Verify(context, language),
        };

    private static Command Statement(CliContext context, Option<string> language)
    {
        var account = new Argument<string>("ACCOUNT_ID") { Description = "The ledger account id, 32 lowercase hex digits." };
        var from = new Option<ulong>("--from") { Description = "The first leaf index to look at (from the previous page's hint).", HelpName = "N" };
        var outPath = new Option<string>("--out") { Description = "Also save the statement (0600), for a court: `ledger verify FILE`.", HelpName = "FILE" };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "statement",
            "Print an account's statement (the notary office and its notaries); with trusted keys, verify it. "
            + "Exit codes: 0 printed (and verified, with keys); 1 it does not verify; 2 unusable input, or the server refused or could not be reached.")
        {
            account, from, outPath, keys, trust,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, _) => LedgerWorkflow.StatementAsync(
                context,
                text,
                LedgerText.For(parsed.GetValue(language)),
                server.Read(parsed),
                parsed.GetRequiredValue(account),
                parsed.GetValue(from),
                parsed.GetValue(outPath),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                cancellationToken)));
        return command;
    }

    private static Command Verify(CliContext context, Option<string> language)
    {
        var statement = new Argument<string>("STATEMENT") { Description = "An account statement file, as `ledger statement --out` saves it." };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "verify",
            "Verify an account statement offline with the log's trusted keys: the checkpoint, every batch's proof, and the account's history from its creation. "
            + "Exit codes: 0 valid; 1 invalid; 2 unusable input.")
        {
            statement, keys, trust,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, report) => Task.FromResult(LedgerWorkflow.Verify(
                context, report, LedgerText.For(parsed.GetValue(language)), parsed.GetRequiredValue(statement), parsed.GetValue(keys) ?? [], parsed.GetValue(trust)))));
        return command;
    }
}
