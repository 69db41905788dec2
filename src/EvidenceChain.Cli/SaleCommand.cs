using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain sale open | propose | apply | show | plan</c> with the server options, and offline
/// <c>sale approve</c> and <c>sale plan-digests</c>: a notary office runs a 带封过户 case from seizure to close
/// (docs/sealed-sale.md), two notaries approve its payouts, and a court clerk checks the plan it signs.
/// Artefacts are made with <c>case artefact</c>, statements saved with <c>case statement</c> and verified
/// with <c>case verify</c>, which replays either kind of case. See <see cref="SaleWorkflow"/>.
/// </summary>
internal static class SaleCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

    public static Command Create(CliContext context, Option<string> language) =>
        new("sale", "带封过户 cases (court-sealed property sold under the court's supervision): open a case, propose and apply events, approve payouts, show a case, propose a distribution plan for the court and check a plan's digests. Artefacts, statements and verification: the case commands.")
        {
            Open(context, language),
            Propose(context, language),
            Approve(context, language),
            Apply(context, language),
            Show(context, language),
            Plan(context, language),
            PlanDigests(context, language),
        };

    private static Argument<string> CaseId() => new("CASE_ID") { Description = "The case id, 32 lowercase hex digits." };

    private static Command Open(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var number = new Option<string>("--number") { Description = "The office's file number (1 to 64 bytes of UTF-8).", HelpName = "TEXT", Required = true };
        var bankAccount = new Option<string>("--bank-account") { Description = "The escrow bank ledger account the price is held in, 32 lowercase hex digits.", HelpName = "ACCOUNT_ID", Required = true };
        var ledger = new Option<uint>("--ledger") { Description = "The ledger of its accounts (1, CNY escrow, by default).", HelpName = "N", DefaultValueFactory = _ => 1 };
        var command = new Command("open", "Open a 带封过户 case in Seized (the office); prints its leaf." + ExitCodes) { caseId, number, bankAccount, ledger };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => SaleWorkflow.OpenAsync(
                context, SaleText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), parsed.GetRequiredValue(number), parsed.GetRequiredValue(bankAccount), parsed.GetValue(ledger), cancellationToken)));
        return command;
    }

    private static Command Propose(CliContext context, Option<string> language)
    {
        var outPath = new Option<string>("--out") { Description = "Save the approval message of its payouts (one line of base64, 0600) for the notaries: `sale approve FILE`.", HelpName = "FILE" };
        var command = new Command("propose", "What an event would do now, booking nothing: the artefacts it needs, in order, its transfers and its payouts." + ExitCodes);
        SaleEventOptions options = SaleEventOptions.AddTo(command);
        command.Options.Add(outPath);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => SaleWorkflow.ProposeAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(outPath), cancellationToken)));
        return command;
    }

    private static Command Approve(CliContext context, Option<string> language)
    {
        var message = new Argument<string>("MESSAGE_FILE") { Description = "The approval message, as `sale propose --out` saves it." };
        var party = new Option<string>("--party") { Description = "Your notary party id (32 lowercase hex digits).", HelpName = "NOTARY_ID", Required = true };
        var key = new Option<string>("--key") { Description = "Your Ed25519 key file (one line of base64 of a 32-byte seed, mode 0600), bound to your party.", HelpName = "KEYFILE", Required = true };
        var outPath = new Option<string>("--out") { Description = "The approval file to write (JSON), for `sale apply --approval`.", HelpName = "FILE", Required = true };
        var command = new Command("approve", "Offline: show exactly which payouts of which 带封过户 case and transition a message approves, then sign it." + ExitCodes) { message, party, key, outPath };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => Task.FromResult(CaseWorkflow.Approve(
                context, CaseText.For(parsed.GetValue(language)), parsed.GetRequiredValue(message), parsed.GetRequiredValue(party), parsed.GetRequiredValue(key), parsed.GetRequiredValue(outPath), SaleWorkflow.SaleEventName))));
        return command;
    }

    private static Command Apply(CliContext context, Option<string> language)
    {
        var approvals = new Option<string[]>("--approval") { Description = "A notary's approval file (`sale approve --out`); a payout needs two; repeatable.", HelpName = "FILE" };
        var command = new Command("apply", "Apply an event: its guard checked, its transfers booked, its transition recorded; prints the new state, the leaf, the transfers and payouts." + ExitCodes);
        SaleEventOptions options = SaleEventOptions.AddTo(command);
        command.Options.Add(approvals);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => SaleWorkflow.ApplyAsync(context, CaseText.For(parsed.GetValue(language)), server.Read(parsed), options.Read(parsed), parsed.GetValue(approvals) ?? [], cancellationToken)));
        return command;
    }

    private static Command Show(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var command = new Command("show", "Show a 带封过户 case: its state, seizures, enforcing court, price and floor, terms, tranches, the court's plan in yuan and its objection window." + ExitCodes) { caseId };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => SaleWorkflow.ShowAsync(
                context, CaseText.For(parsed.GetValue(language)), SaleText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), cancellationToken)));
        return command;
    }

    private static Command Plan(CliContext context, Option<string> language)
    {
        Argument<string> caseId = CaseId();
        var tiers = new Option<string>("--tiers") { Description = "The claims by tier, a JSON file: {\"tiers\": [{\"kind\", \"mode\", \"claims\": [{\"number\", \"amount_fen\", \"rank_ms\", \"payee\"}]}]}.", HelpName = "FILE", Required = true };
        var outPath = new Option<string>("--out", "-o") { Description = "The plan file to write, as `sale apply … issue-plan --plan` and `sale plan-digests` read it.", HelpName = "FILE", Required = true };
        var command = new Command("plan", "The software's distribution proposal for the court: the case's proceeds allocated over the tiers, saved as a plan file, with the digests the court's plan artefact must carry." + ExitCodes)
        {
            caseId, tiers, outPath,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => SaleWorkflow.PlanAsync(
                context, SaleText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(caseId), parsed.GetRequiredValue(tiers), parsed.GetRequiredValue(outPath), cancellationToken)));
        return command;
    }

    private static Command PlanDigests(CliContext context, Option<string> language)
    {
        var plan = new Argument<string>("PLAN_FILE") { Description = "A plan file, as `sale plan --out` writes it (or the court changed it)." };
        var caseId = new Option<string>("--case") { Description = "The case the plan is for, 32 lowercase hex digits: its id is in the bytes signed.", HelpName = "CASE_ID", Required = true };
        var bytes = new Option<string>("--bytes") { Description = "Also write the plan's canonical bytes: the document of the court's plan artefact (`case artefact --document`).", HelpName = "FILE" };
        var command = new Command("plan-digests", "Offline: the plan's check and the SHA-256 and SM3 of its canonical bytes (docs/formats/distribution-plan.md), which the court's plan artefact must carry." + ExitCodes)
        {
            plan, caseId, bytes,
        };
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => Task.FromResult(SaleWorkflow.PlanDigests(
                context, SaleText.For(parsed.GetValue(language)), parsed.GetRequiredValue(plan), parsed.GetRequiredValue(caseId), parsed.GetValue(bytes)))));
        return command;
    }
}
