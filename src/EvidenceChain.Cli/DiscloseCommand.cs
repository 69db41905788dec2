using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain disclose RECEIPT --salt SALTFILE --files FILE|DIR (--unit PATH[@OFFSET] | --path PATH)… -o PACKAGE.json
/// [--copy-content DIR]</c>: the owner's side of a partial disclosure to a court (docs/disclosure.md),
/// offline. It writes a package with the chosen units' salts and proofs, never the master salt or
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
        var command = new Command(
            "disclose",
            "Disclose some units of a deposit to a court: writes a package with those units' salts and inclusion proofs (never the master salt "
            + "or another unit's salt); the content goes beside it. Exit codes: 0 written; 2 unusable input.")
        {
            receipt, salt, files, units, paths, output, copy,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(units)?.Length ?? 0) + (result.GetValue(paths)?.Length ?? 0) == 0)
            {
                result.AddError("name the units to disclose with --unit or --path");
            }
        });
        command.SetAction(parsed => OnlineCommand.RunAsync(context, parsed.GetValue(language), (_, report) =>
        {
            DisclosureOwnerText text = DisclosureOwnerText.For(parsed.GetValue(language));
            try
            {
                return Task.FromResult(DisclosureWorkflow.Run(
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
                        parsed.GetValue(copy))));
            }
            catch (DisclosureInputException e)
            {
                context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
                return Task.FromResult(ExitCode.UnusableInput);
            }
        }));
        return command;
    }
}
