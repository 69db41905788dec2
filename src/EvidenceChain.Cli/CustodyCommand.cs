using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain custody trail [--party ID] [--from N] [--out FILE] [--key VKEY]… [--trust FILE]</c> with
/// the server options: a party's custody trail (yours, or any party's for the notary office); and
/// <c>evidencechain custody verify TRAIL [--key VKEY]… [--trust FILE]</c>, offline. See <see cref="CustodyWorkflow"/>.
/// </summary>
internal static class CustodyCommand
{
    public static Command Create(CliContext context, Option<string> language) =>
        new("custody", "Custody trails: who did what to which deposit, party, key or certificate, each event proven in the log.")
        {
            Trail(context, language),
            Verify(context, language),
        };

    private static Command Trail(CliContext context, Option<string> language)
    {
        var party = new Option<string>("--party") { Description = "Whose trail (the notary office only); default your own.", HelpName = "ID" };
        var from = new Option<ulong>("--from") { Description = "The first leaf index to look at (from the previous page's hint).", HelpName = "N" };
        var outPath = new Option<string>("--out") { Description = "Also save the trail file (0600), for an auditor or a court: `custody verify FILE`.", HelpName = "FILE" };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "trail",
            "Print a page of up to 1,000 custody events, proven against the latest checkpoint; with trusted keys, verify them. "
            + "Exit codes: 0 printed (and verified, with keys); 1 it does not verify; 2 unusable input, or the server refused or could not be reached.")
        {
            party, from, outPath, keys, trust,
        };
        ServerOptions server = ServerOptions.AddTo(command);

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, _) => CustodyWorkflow.TrailAsync(
                context,
                text,
                CustodyText.For(parsed.GetValue(language)),
                server.Read(parsed),
                parsed.GetValue(party),
                parsed.GetValue(from),
                parsed.GetValue(outPath),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                cancellationToken)));
        return command;
    }

    private static Command Verify(CliContext context, Option<string> language)
    {
        var trail = new Argument<string>("TRAIL") { Description = "A custody trail file, as `custody trail --out` saves it." };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "verify",
            "Verify a custody trail offline with the log's trusted keys: the checkpoint's signatures, each record and its inclusion proof. "
            + "Exit codes: 0 valid; 1 invalid; 2 unusable input.")
        {
            trail, keys, trust,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, report) => Task.FromResult(CustodyWorkflow.Verify(
                context, report, CustodyText.For(parsed.GetValue(language)), parsed.GetRequiredValue(trail), parsed.GetValue(keys) ?? [], parsed.GetValue(trust)))));
        return command;
    }
}
