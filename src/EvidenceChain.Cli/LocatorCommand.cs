using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain locator mint DEPOSIT_ID | revoke LOCATOR_OR_ID | list [--leaf-index N]</c>, each with
/// the server options: receipt locators, the revocable capabilities under which the public listener
/// serves one of the caller's receipts. See <see cref="LocatorWorkflow"/>.
/// </summary>
internal static class LocatorCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

    public static Command Create(CliContext context, Option<string> language) =>
        new("locator", "Publish one of your receipts on the service's public listener under a random locator you can revoke; list and revoke them.")
        {
            Mint(context, language),
            Revoke(context, language),
            List(context, language),
        };

    private static Command Mint(CliContext context, Option<string> language)
    {
        var deposit = new Argument<string>("DEPOSIT_ID") { Description = "The deposit id (64 lowercase hex digits) of one of your deposits." };
        var command = new Command("mint", "Mint a locator for a deposit's receipt; prints it once (the service keeps only its digest)." + ExitCodes) { deposit };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text =>
            LocatorWorkflow.MintAsync(context, text, server.Read(parsed), parsed.GetRequiredValue(deposit), cancellationToken)));
        return command;
    }

    private static Command Revoke(CliContext context, Option<string> language)
    {
        var locator = new Argument<string>("LOCATOR") { Description = "The locator (32 hex digits) or its id (64 hex digits, as `locator list` shows it)." };
        var command = new Command("revoke", "Revoke a locator: from then on it opens nothing." + ExitCodes) { locator };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text =>
            LocatorWorkflow.RevokeAsync(context, text, server.Read(parsed), parsed.GetRequiredValue(locator), cancellationToken)));
        return command;
    }

    private static Command List(CliContext context, Option<string> language)
    {
        var leafIndex = new Option<ulong?>("--leaf-index") { Description = "Only the locators of this deposit.", HelpName = "N" };
        var command = new Command("list", "List your locators, newest first: their ids and state, never the locators themselves." + ExitCodes) { leafIndex };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text =>
            LocatorWorkflow.ListAsync(context, text, server.Read(parsed), parsed.GetValue(leafIndex), cancellationToken)));
        return command;
    }

    private static Task<int> Run(CliContext context, Option<string> language, ParseResult parsed, Func<LocatorText, Task<ExitCode>> work) =>
        OnlineCommand.RunAsync(context, parsed.GetValue(language), (_, _) => work(LocatorText.For(parsed.GetValue(language))));
}
