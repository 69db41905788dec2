using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain bank import FILE</c>, <c>bank reconcile FILE [--date YYYY-MM-DD]</c>, <c>bank incidents [--open]</c>,
/// <c>bank resolve INCIDENT --note TEXT [--evidence-leaf N]</c>, <c>bank export-instructions ORDER… --out FILE</c>
/// and <c>bank allocate-interest TRANSFER --from DAY --to DAY CLAIM…</c>,
/// each with the server options: the escrow ledger's bank desk (docs/formats/bank-statement.md), for the notary office and its notaries.
/// </summary>
internal static class BankCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused or could not be reached.";

    public static Command Create(CliContext context, Option<string> language) =>
        new("bank", "The escrow ledger's bank desk: import bank statements, reconcile, list and resolve incidents, export payment instructions, allocate interest.")
        {
            Import(context, language),
            Reconcile(context, language),
            Incidents(context, language),
            Resolve(context, language),
            Export(context, language),
            AllocateInterest(context, language),
        };

    private static Command Import(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "A statement file (docs/formats/bank-statement.md), at most 8 MiB." };
        var command = new Command("import", "Import a bank statement: each line is posted to the pending transfer its EC reference names, or goes to suspense, or becomes an incident; a line imported before changes nothing." + ExitCodes) { file };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.ImportAsync(context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(file), cancellationToken)));
        return command;
    }

    private static Command Reconcile(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "A statement file whose closing rows are the bank's closing balances (its lines are not imported)." };
        var date = new Option<string>("--date") { Description = "The day to reconcile; needed when the file has closing balances for more than one day.", HelpName = "YYYY-MM-DD" };
        var command = new Command("reconcile", "Reconcile every escrow bank account for a day: the ledger's balance against the bank's closing balance, recorded in the log; a difference opens an incident." + ExitCodes) { file, date };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.ReconcileAsync(context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(file), parsed.GetValue(date), cancellationToken)));
        return command;
    }

    private static Command Incidents(CliContext context, Option<string> language)
    {
        var open = new Option<bool>("--open") { Description = "Only the incidents still open." };
        var command = new Command("incidents", "List the bank incidents, open and resolved." + ExitCodes) { open };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.IncidentsAsync(context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetValue(open), cancellationToken)));
        return command;
    }

    private static Command Resolve(CliContext context, Option<string> language)
    {
        var incident = new Argument<string>("INCIDENT") { Description = "The incident id, 32 lowercase hex digits (as `bank incidents` prints it)." };
        var note = new Option<string>("--note") { Description = "What was found and done (1 to 1,024 bytes).", HelpName = "TEXT", Required = true };
        var evidence = new Option<ulong?>("--evidence-leaf") { Description = "The log leaf of the evidence for the resolution.", HelpName = "N" };
        var command = new Command("resolve", "Record the resolution of an open incident; payouts from its account resume once none is open." + ExitCodes) { incident, note, evidence };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.ResolveAsync(
                context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(incident), parsed.GetRequiredValue(note), parsed.GetValue(evidence), cancellationToken)));
        return command;
    }

    private static Command Export(CliContext context, Option<string> language)
    {
        var orders = new Argument<string[]>("ORDER") { Description = "TRANSFER_ID,PAYEE_ACCOUNT,PAYEE_NAME: a pending payout (32 lowercase hex digits) and whom the bank pays.", Arity = ArgumentArity.OneOrMore };
        var outPath = new Option<string>("--out") { Description = "The payment-instruction CSV to write (not overwritten).", HelpName = "FILE", Required = true };
        var command = new Command("export-instructions", "Save payment instructions for pending payouts as the bank's CSV; refused while an incident holds the account's payouts." + ExitCodes) { orders, outPath };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.ExportAsync(
                context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(orders), parsed.GetRequiredValue(outPath), cancellationToken)));
        return command;
    }


    private static Command AllocateInterest(CliContext context, Option<string> language)
    {
        var interest = new Argument<string>("TRANSFER") { Description = "The interest line's transfer id, 32 lowercase hex digits (as `bank import` booked it)." };
        var first = new Option<string>("--from") { Description = "The first day of the interest period (China Standard Time).", HelpName = "YYYY-MM-DD", Required = true };
        var last = new Option<string>("--to") { Description = "The last day of the interest period, already ended; 1 to 366 days in all.", HelpName = "YYYY-MM-DD", Required = true };
        var claims = new Argument<string[]>("CLAIM")
        {
            Description = "SUB_ACCOUNT,PAYEE: a party sub-account whose interest goes to the case's payee (Civil Code art. 573, the default); or SUB_ACCOUNT,self when the agreement lets it keep its own. Accounts in 32 lowercase hex digits.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("allocate-interest", "Allocate one interest credit to party sub-accounts by their end-of-day balances over the period, from the ledger's notarized history (bank value dates for statement bookings); allocating it again changes nothing." + ExitCodes) { interest, first, last, claims };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (_, _) => BankWorkflow.AllocateInterestAsync(
                context, BankText.For(parsed.GetValue(language)), server.Read(parsed), parsed.GetRequiredValue(interest), parsed.GetRequiredValue(first), parsed.GetRequiredValue(last), parsed.GetRequiredValue(claims), cancellationToken)));
        return command;
    }
}
