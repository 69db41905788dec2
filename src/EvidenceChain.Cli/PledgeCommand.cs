using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain pledge propose | apply | show | statement</c> with the server options, and offline
/// <c>pledge sign</c> and <c>pledge verify</c>: the trade-secret pledge registry (docs/pledges.md §CLI).
/// See <see cref="PledgeWorkflow"/> and <see cref="PledgeStatementCheck"/>.
/// </summary>
internal static class PledgeCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

    public static Command Create(CliContext context, Option<string> language) =>
        new("pledge", "The trade-secret pledge registry: propose and apply events, sign an event's message offline, show an asset, save its encumbrance statement and verify it offline.")
        {
            Propose(context, language),
            Sign(context, language),
            Apply(context, language),
            Show(context, language),
            Statement(context, language),
            Verify(context, language),
        };

    private static Argument<string> AssetId() => new("ASSET_ID") { Description = "The asset id, 32 lowercase hex digits." };

    private static Command Propose(CliContext context, Option<string> language)
    {
        var outPath = new Option<string>("--out") { Description = "Save the exact message every signer signs (one line of base64, 0600), for `pledge sign`.", HelpName = "MESSAGE_FILE" };
        var command = new Command("propose", "What an event would do now, recording nothing: its number, the decision, who must sign; saves the message to sign." + ExitCodes);
        PledgeEventOptions options = PledgeEventOptions.AddTo(command);
        command.Options.Add(outPath);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => PledgeWorkflow.ProposeAsync(context, PledgeText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(outPath), cancellationToken)));
        return command;
    }

    private static Command Sign(CliContext context, Option<string> language)
    {
        var message = new Argument<string>("MESSAGE_FILE") { Description = "The message, as `pledge propose --out` saves it." };
        var party = new Option<string>("--party") { Description = "Your party id (32 lowercase hex digits).", HelpName = "PARTY_ID", Required = true };
        var key = new Option<string>("--key") { Description = "Your Ed25519 key file (one line of base64 of a 32-byte seed, mode 0600), bound to your party.", HelpName = "KEYFILE", Required = true };
        var outPath = new Option<string>("--out") { Description = "The signature file to write (JSON), for `pledge apply --signature`.", HelpName = "SIG_FILE", Required = true };
        var command = new Command("sign", "Offline: show which asset, event and number a message is for and every field of it, then sign it." + ExitCodes) { message, party, key, outPath };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => Task.FromResult(PledgeWorkflow.Sign(
                context, PledgeText.For(parsed.GetValue(language)), parsed.GetRequiredValue(message), parsed.GetRequiredValue(party), parsed.GetRequiredValue(key), parsed.GetRequiredValue(outPath)))));
        return command;
    }

    private static Command Apply(CliContext context, Option<string> language)
    {
        var signatures = new Option<string[]>("--signature") { Description = "A signature file (`pledge sign --out`); repeatable.", HelpName = "SIG_FILE" };
        var command = new Command("apply", "Apply a signed event; prints the leaf, the asset's and the pledge's states, and the split of proceeds." + ExitCodes);
        PledgeEventOptions options = PledgeEventOptions.AddTo(command);
        command.Options.Add(signatures);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => PledgeWorkflow.ApplyAsync(context, PledgeText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(signatures) ?? [], cancellationToken)));
        return command;
    }

    private static Command Show(CliContext context, Option<string> language)
    {
        Argument<string> assetId = AssetId();
        var command = new Command("show", "Show an asset: owner, category, deposits' roots, valuations, pledges in yuan, transfers and licences." + ExitCodes) { assetId };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => PledgeWorkflow.ShowAsync(context, PledgeText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(assetId), cancellationToken)));
        return command;
    }

    private static Command Statement(CliContext context, Option<string> language)
    {
        Argument<string> assetId = AssetId();
        var asOf = new Option<ulong>("--as-of") { Description = "The last of the asset's events the statement reflects; 0 (the default) for all the latest signed checkpoint includes.", HelpName = "N" };
        var outPath = new Option<string>("--out", "-o") { Description = "The statement file to write, for `pledge verify`.", HelpName = "FILE", Required = true };
        var command = new Command("statement", "Save an asset's encumbrance statement (records with proofs, the view they replay to, the secret's receipts); not verified here." + ExitCodes) { assetId, asOf, outPath };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => PledgeWorkflow.StatementAsync(
                context, PledgeText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(assetId), parsed.GetValue(asOf), parsed.GetRequiredValue(outPath), cancellationToken)));
        return command;
    }

    private static Command Verify(CliContext context, Option<string> language)
    {
        var statement = new Argument<string>("FILE") { Description = "An encumbrance statement file, as `pledge statement -o` saves it." };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "verify",
            "The lender's check, offline with the log's trusted keys: the records' proofs, the notary's signed count of the asset's events, the records replayed to the statement's encumbrance, the secret's receipts; prints the encumbrance. "
            + "Exit codes: 0 valid; 1 invalid; 2 unusable input.")
        {
            statement, keys, trust,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, report) => Task.FromResult(PledgeStatementCheck.Verify(
                context, report, PledgeText.For(parsed.GetValue(language)), parsed.GetRequiredValue(statement), parsed.GetValue(keys) ?? [], parsed.GetValue(trust)))));
        return command;
    }
}
