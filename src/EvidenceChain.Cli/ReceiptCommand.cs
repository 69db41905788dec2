using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain receipt ID|RECEIPTFILE [--index] [--server URL] [--salt SALTFILE] [--out FILE]
/// [--depositor-key FILE] [--key VKEY]… [--trust FILE]</c>: fetches a deposit's receipt, or updates a
/// receipt file against the latest checkpoint. The steps are in <see cref="ReceiptWorkflow"/>.
/// </summary>
internal static class ReceiptCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var target = new Argument<string>("ID|RECEIPTFILE")
        {
            Description = "A deposit id (64 hex digits), a leaf index with --index, or a receipt file to update against the latest checkpoint.",
        };
        var byIndex = new Option<bool>("--index") { Description = "The argument is a leaf index, not a deposit id." };
        var server = ServerAddress.CreateOption();
        var salt = new Option<string>("--salt")
        {
            Description = "The deposit's salt file: checks the receipt against it and adds the depositor opening (default for a receipt file: NAME.salt.json beside it).",
            HelpName = "SALTFILE",
        };
        var outPath = new Option<string>("--out")
        {
            Description = "Where to write the receipt (default: the receipt file updated in place, else NAME.receipt.json beside the salt file, else ID.receipt.json here).",
            HelpName = "FILE",
        };
        Option<string> depositorKey = DepositorKey.CreateOption(madeOnFirstUse: false);
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "receipt",
            "Fetch a deposit's receipt, or update a receipt file against the latest checkpoint (proving the log only grew since). "
            + "Exit codes: 0 receipt written; 1 an answer of the server does not verify; 2 unusable input, or the server refused "
            + "or could not be reached; 3 accepted but not yet in a checkpoint (try again shortly).")
        {
            target, byIndex, server, salt, outPath, depositorKey, keys, trust,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, report) => ReceiptWorkflow.RunAsync(
                context,
                text,
                report,
                new ReceiptArguments(
                    parsed.GetRequiredValue(target),
                    parsed.GetValue(byIndex),
                    parsed.GetValue(server),
                    parsed.GetValue(salt),
                    parsed.GetValue(outPath),
                    parsed.GetValue(depositorKey),
                    parsed.GetValue(keys) ?? [],
                    parsed.GetValue(trust)),
                cancellationToken)));
        return command;
    }
}
