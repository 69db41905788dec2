using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain checkpoint [--server URL [--cert FILE --cert-key FILE] --ca FILE] [--key VKEY]… [--trust FILE] [--out FILE]</c>: prints the
/// log's latest signed checkpoint and, with trusted keys, verifies it. See <see cref="CheckpointWorkflow"/>.
/// </summary>
internal static class CheckpointCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        ServerOptions server = ServerOptions.Create();
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var outPath = new Option<string>("--out") { Description = "Also save the signed checkpoint, exactly as served, to this new file (for `consistency --old-checkpoint`).", HelpName = "FILE" };
        var command = new Command(
            "checkpoint",
            "Print the log's latest signed checkpoint; with trusted keys, verify it and say which keys signed. "
            + "Exit codes: 0 printed (and verified, with keys); 1 it does not verify with the trusted keys; "
            + "2 unusable input, or the server refused or could not be reached.")
        {
            keys, trust, outPath,
        };
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, _) => CheckpointWorkflow.RunAsync(
                context,
                text,
                server.Read(parsed),
                parsed.GetValue(outPath),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                cancellationToken)));
        return command;
    }
}
