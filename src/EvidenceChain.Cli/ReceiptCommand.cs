using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain receipt ID|RECEIPTFILE [--index] [--server URL [--cert FILE --cert-key FILE] --ca FILE] [--salt SALTFILE] [--out FILE]
/// [--depositor-key FILE] [--key VKEY]… [--trust FILE] [--until included|final [--timeout SECONDS]]</c>:
/// fetches a deposit's receipt, or upgrades a receipt file: against the checkpoint of the earliest
/// landed anchor covering the deposit when there is one, else against the latest checkpoint, with
/// the newest anchors, keeping its depositor opening and what it does not read. <c>--until</c> first
/// waits, asking the server's anchor status, until an anchor covering the deposit is in that state.
/// The steps are in <see cref="ReceiptWorkflow"/>.
/// </summary>
internal static class ReceiptCommand
{
    private static readonly Dictionary<string, AnchorState> s_states = new(StringComparer.Ordinal)
    {
        ["included"] = AnchorState.Included,
        ["final"] = AnchorState.Final,
    };

    public static Command Create(CliContext context, Option<string> language)
    {
        var target = new Argument<string>("ID|RECEIPTFILE")
        {
            Description = "A deposit id (64 hex digits), a leaf index with --index, a receipt file to upgrade (against the checkpoint of its earliest landed anchor, else the latest), or a promise file (NAME.promise.json).",
        };
        var byIndex = new Option<bool>("--index") { Description = "The argument is a leaf index, not a deposit id." };
        ServerOptions server = ServerOptions.Create();
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
        var until = new Option<string>("--until")
        {
            Description = "First wait until an anchor of the log on chain that covers the deposit is in this state (final: the chain cannot undo it).",
            HelpName = "included|final",
        };
        until.AcceptOnlyFromAmong([.. s_states.Keys]);
        var timeout = new Option<int>("--timeout")
        {
            Description = $"With --until, wait at most this long (1 to {ReceiptArguments.TimeoutSecondsMax}, default {ReceiptArguments.TimeoutSecondsDefault}).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => ReceiptArguments.TimeoutSecondsDefault,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ReceiptArguments.TimeoutSecondsMax)
            {
                result.AddError($"--timeout must be 1 to {ReceiptArguments.TimeoutSecondsMax} seconds");
            }
        });
        var command = new Command(
            "receipt",
            "Fetch a deposit's receipt, or upgrade a receipt file with the newest chain anchors (proving its old and new checkpoints are of one log), "
            + "keeping its depositor opening and every section it does not read. "
            + "Exit codes: 0 receipt written; 1 an answer of the server does not verify; 2 unusable input, or the server refused "
            + "or could not be reached; 3 accepted but not yet in a checkpoint, or with --until no anchor in that state within --timeout (try again later); "
            + "4 the promise or receipt file proves the log acknowledged the deposit but the log no longer holds it (restored from an older backup): re-submit it.")
        {
            target, byIndex, salt, outPath, depositorKey, keys, trust, until, timeout,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(timeout) is { Implicit: false } && result.GetResult(until) is null)
            {
                result.AddError("--timeout needs --until");
            }
        });
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, report) => ReceiptWorkflow.RunAsync(
                context,
                text,
                report,
                ReceiptAnchorText.For(parsed.GetValue(language)),
                new ReceiptArguments(
                    parsed.GetRequiredValue(target),
                    parsed.GetValue(byIndex),
                    server.Read(parsed),
                    parsed.GetValue(salt),
                    parsed.GetValue(outPath),
                    parsed.GetValue(depositorKey),
                    parsed.GetValue(keys) ?? [],
                    parsed.GetValue(trust),
                    parsed.GetValue(until) is string state ? s_states[state] : null,
                    parsed.GetValue(timeout)),
                cancellationToken)));
        return command;
    }
}
