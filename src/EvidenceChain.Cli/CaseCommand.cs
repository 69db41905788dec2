using System.CommandLine;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain case open | artefact | propose | apply | show | deadlines | statement</c> with the
/// server options, and offline <c>case approve MESSAGE --party ID --key FILE --out FILE</c> and
/// <c>case verify STATEMENT [--key VKEY]… [--trust FILE]</c>: a notary office runs a 带押过户 case from
/// start to close (docs/cases.md), two notaries approve its payouts, and a court checks its record.
/// See <see cref="CaseWorkflow"/>.
/// </summary>
internal static class CaseCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

    public static Command Create(CliContext context, Option<string> language) =>
        new("case", "带押过户 cases on the escrow ledger: open a case, record signed artefacts, propose and apply events, approve payouts, show a case and its deadlines, save and verify its statement.")
        {
            Open(context, language),
            Artefact(context, language),
            Propose(context, language),
            Approve(context, language),
            Apply(context, language),
            Show(context, language),
            Deadlines(context, language),
            Statement(context, language),
            Verify(context, language),
        };

    private static Argument<string> CaseId() => new("CASE_ID") { Description = "The case id, 32 lowercase hex digits." };

    private static Command Open(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var number = new Option<string>("--number") { Description = "The office's file number (1 to 64 bytes of UTF-8).", HelpName = "TEXT", Required = true };
        var bankAccount = new Option<string>("--bank-account") { Description = "The escrow bank ledger account the case's money is held in, 32 lowercase hex digits.", HelpName = "ACCOUNT_ID", Required = true };
        var ledger = new Option<uint>("--ledger") { Description = "The ledger of its accounts (1, CNY escrow, by default).", HelpName = "N", DefaultValueFactory = _ => 1 };
        var command = new Command("open", "Open a case in Draft (the office); prints its leaf." + ExitCodes) { caseId, number, bankAccount, ledger };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.OpenAsync(
                context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), parsed.GetRequiredValue(number), parsed.GetRequiredValue(bankAccount), parsed.GetValue(ledger), cancellationToken)));
        return command;
    }

    private static Command Artefact(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var type = new Option<string>("--type") { Description = $"What it is: {CaseArguments.Names<ArtefactType>()} (or PascalCase, or its number).", HelpName = "TYPE", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The registered party that issued it (32 lowercase hex digits).", HelpName = "PARTY_ID", Required = true };
        var document = new Option<string>("--document") { Description = "The document: its SHA-256 and SM3 are computed here; the document never leaves this machine.", HelpName = "FILE", Required = true };
        var subject = new Option<byte>("--subject") { Description = "What it states, per type (docs/cases.md: a title search 1 clean, 2 encumbered; a registry receipt 1 transfer pre-notice, 2 mortgage pre-notice, …); 0 by default.", HelpName = "N" };
        var leg = new Option<byte>("--leg") { Description = "The payoff leg or tranche it concerns (1 to 255); 0 for the whole case.", HelpName = "N" };
        var amount = new Option<long>("--amount-fen") { Description = "The amount it states (a payoff quote, a frozen sum), fen.", HelpName = "N" };
        var validThrough = new Option<string>("--valid-through") { Description = "The last day it holds (a payoff quote's), China Standard Time.", HelpName = "YYYY-MM-DD" };
        var reference = new Option<string>("--reference") { Description = "The document's own number (certificate, bank serial, court case number), at most 128 bytes.", HelpName = "TEXT", DefaultValueFactory = _ => string.Empty };
        var signer = new Option<string>("--signer") { Description = "Who signs, when not the issuer: a notary attesting for it.", HelpName = "PARTY_ID" };
        var key = new Option<string>("--key") { Description = "The signer's Ed25519 key file (one line of base64 of a 32-byte seed, mode 0600), whose public key is bound to the signer.", HelpName = "KEYFILE", Required = true };
        var command = new Command("artefact", "Make an artefact of a case, issued now, sign it, and record it; prints its leaf." + ExitCodes)
        {
            caseId, type, issuer, document, subject, leg, amount, validThrough, reference, signer, key,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.ArtefactAsync(
                context,
                CaseText.For(parsed.GetValue(language)),
                server.Read(parsed),
                new CaseArtefactArguments(
                    parsed.GetRequiredValue(caseId),
                    parsed.GetRequiredValue(type),
                    parsed.GetRequiredValue(issuer),
                    parsed.GetValue(signer),
                    parsed.GetRequiredValue(document),
                    parsed.GetValue(subject),
                    parsed.GetValue(leg),
                    parsed.GetValue(amount),
                    parsed.GetValue(validThrough),
                    parsed.GetValue(reference) ?? string.Empty,
                    parsed.GetRequiredValue(key)),
                TimeProvider.System,
                cancellationToken)));
        return command;
    }

    private static Command Propose(CliContext context, Option<string> language)
    {
        var outPath = new Option<string>("--out") { Description = "Save the approval message of its payouts (one line of base64, 0600) for the notaries: `case approve FILE`.", HelpName = "FILE" };
        var command = new Command("propose", "What an event would do now, booking nothing: the artefacts it needs, in order, its transfers and its payouts." + ExitCodes);
        CaseEventOptions options = CaseEventOptions.AddTo(command);
        command.Options.Add(outPath);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.ProposeAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(outPath), cancellationToken)));
        return command;
    }

    private static Command Approve(CliContext context, Option<string> language)
    {
        var message = new Argument<string>("MESSAGE_FILE") { Description = "The approval message, as `case propose --out` saves it." };
        var party = new Option<string>("--party") { Description = "Your notary party id (32 lowercase hex digits).", HelpName = "NOTARY_ID", Required = true };
        var key = new Option<string>("--key") { Description = "Your Ed25519 key file (one line of base64 of a 32-byte seed, mode 0600), bound to your party.", HelpName = "KEYFILE", Required = true };
        var outPath = new Option<string>("--out") { Description = "The approval file to write (JSON), for `case apply --approval`.", HelpName = "FILE", Required = true };
        var command = new Command("approve", "Offline: show exactly which payouts of which case and transition a message approves, then sign it." + ExitCodes) { message, party, key, outPath };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => Task.FromResult(CaseWorkflow.Approve(
                context, CaseText.For(parsed.GetValue(language)), parsed.GetRequiredValue(message), parsed.GetRequiredValue(party), parsed.GetRequiredValue(key), parsed.GetRequiredValue(outPath), CaseWorkflow.MortgageEventName))));
        return command;
    }

    private static Command Apply(CliContext context, Option<string> language)
    {
        var approvals = new Option<string[]>("--approval") { Description = "A notary's approval file (`case approve --out`); a payout needs two; repeatable.", HelpName = "FILE" };
        var command = new Command("apply", "Apply an event: its guard checked, its transfers booked, its transition recorded; prints the new state, the leaf, the transfers and payouts." + ExitCodes);
        CaseEventOptions options = CaseEventOptions.AddTo(command);
        command.Options.Add(approvals);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.ApplyAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(approvals) ?? [], cancellationToken)));
        return command;
    }

    private static Command Show(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var command = new Command("show", "Show a case: its state, tranches, legs and condition set." + ExitCodes) { caseId };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.ShowAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), cancellationToken)));
        return command;
    }

    private static Command Deadlines(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var command = new Command("deadlines", "Show a case's deadlines on the working-day calendar (docs/deadlines.md)." + ExitCodes) { caseId };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => CaseWorkflow.DeadlinesAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), cancellationToken)));
        return command;
    }

    private static Command Statement(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var from = new Option<ulong>("--from") { Description = "The first leaf index to look at (from the previous page's hint).", HelpName = "N" };
        var outPath = new Option<string>("--out") { Description = "Also save the statement (0600), for a court: `case verify FILE`.", HelpName = "FILE" };
        var command = new Command("statement", "Print a case's records (opening, transitions, artefacts) as the server proves them, and save them." + ExitCodes) { caseId, from, outPath };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (online, _) => CaseWorkflow.StatementAsync(
                context, online, CaseText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), parsed.GetValue(from), parsed.GetValue(outPath), cancellationToken)));
        return command;
    }

    private static Command Verify(CliContext context, Option<string> language)
    {
        var statement = new Argument<string>("STATEMENT") { Description = "A case statement file, as `case statement --out` saves it." };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "verify",
            "Verify a case statement offline with the log's trusted keys: the checkpoint, every record's proof, then the case replayed from its opening; prints its state as the statement proves it. "
            + "Exit codes: 0 valid; 1 invalid; 2 unusable input.")
        {
            statement, keys, trust,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, report) => Task.FromResult(CaseWorkflow.Verify(
                context, report, CaseText.For(parsed.GetValue(language)), parsed.GetRequiredValue(statement), parsed.GetValue(keys) ?? [], parsed.GetValue(trust)))));
        return command;
    }
}
