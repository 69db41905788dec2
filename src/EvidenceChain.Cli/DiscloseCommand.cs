using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain disclose RECEIPT --salt SALTFILE --files FILE|DIR (--unit PATH[@OFFSET] | --path PATH)… -o PACKAGE.json
/// [--copy-content DIR] [--record --to PARTY_ID (server options)]</c>: the owner's side of a partial
/// disclosure to a court (docs/disclosure.md), offline; with <c>--record</c> the service then records
/// the disclosure as a custody event (<see cref="DisclosureRecording"/>). It writes a package with the chosen units' salts and proofs, never the master salt or
/// another unit's salt; the content goes to the court beside it. The steps are in <see cref="DisclosureWorkflow"/>.
/// </summary>
internal static class DiscloseCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var receipt = new Argument<string>("RECEIPT") { Description = "The deposit's receipt file (*.receipt.json)." };
        var salt = new Option<string>("--salt") { Description = "The deposit's salt file.", HelpName = "SALTFILE", Required = true };
        var files = new Option<string>("--files") { Description = "The deposited file or directory, as it was deposited.", HelpName = "FILE|DIR", Required = true };
        var units = new Option<string[]>("--unit")
        {
            Description = "Disclose the unit that starts at byte OFFSET (default 0) of the file PATH (relative to the deposited directory; a single file's own name or empty); repeatable.",
            HelpName = "PATH[@OFFSET]",
        };
        var paths = new Option<string[]>("--path") { Description = "Disclose every unit of the file PATH; repeatable.", HelpName = "PATH" };
        var output = new Option<string>("--out", "-o") { Description = "The disclosure package to write; it must not exist.", HelpName = "PACKAGE.json", Required = true };
        var copy = new Option<string>("--copy-content")
        {
            Description = "Also write each disclosed unit's bytes into this existing folder (owner-only), under the names the package gives, for the court.",
            HelpName = "DIR",
        };
        var record = new Option<bool>("--record")
        {
            Description = "After writing the package, have the service record the disclosure as a custody event (the units and the package's digests; never content or salts); needs --to.",
        };
        var to = new Option<string>("--to") { Description = "With --record: the registered party the package goes to (a court), 32 hex digits.", HelpName = "PARTY_ID" };
        var command = new Command(
            "disclose",
            "Disclose some units of a deposit to a court: writes a package with those units' salts and inclusion proofs (never the master salt "
            + "or another unit's salt); the content goes beside it. Offline, unless --record. Exit codes: 0 written (and recorded); 2 unusable input, "
            + "or the server refused the record (with its reason; the package stays written) or could not be reached.")
        {
            receipt, salt, files, units, paths, output, copy, record, to,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(units)?.Length ?? 0) + (result.GetValue(paths)?.Length ?? 0) == 0)
            {
                result.AddError("name the units to disclose with --unit or --path");
            }

            if (result.GetValue(record) != (result.GetValue(to) is not null))
            {
                result.AddError("--record and --to go together: --to names the party the disclosure is recorded to");
            }
        });
        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(context, parsed.GetValue(language), async (_, report) =>
        {
            DisclosureOwnerText text = DisclosureOwnerText.For(parsed.GetValue(language));
            string? recipient = parsed.GetValue(to);
            if (recipient is not null && !Core.Access.PartyIds.IsValid(recipient))
            {
                throw new OnlineInputException(OnlineProblem.PartyIdMalformed, recipient);
            }

            try
            {
                ExitCode written = DisclosureWorkflow.Run(
                    context,
                    report,
                    text,
                    new DisclosureRequest(
                        parsed.GetRequiredValue(receipt),
                        parsed.GetRequiredValue(salt),
                        parsed.GetRequiredValue(files),
                        parsed.GetValue(units) ?? [],
                        parsed.GetValue(paths) ?? [],
                        parsed.GetRequiredValue(output),
                        parsed.GetValue(copy),
                        recipient));
                return written != ExitCode.Success || recipient is null
                    ? written
                    : await DisclosureRecording.RecordAsync(context, text, server.Read(parsed), parsed.GetRequiredValue(output), recipient, cancellationToken).ConfigureAwait(false);
            }
            catch (DisclosureInputException e)
            {
                context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
                return ExitCode.UnusableInput;
            }
        }));
        return command;
    }
}
