using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain consistency OLD NEW [--server URL [--cert FILE --cert-key FILE] --ca FILE] [--old-checkpoint FILE [--new-checkpoint FILE]
/// --key VKEY…]</c>: prints the consistency proof between two tree sizes and, given saved checkpoints,
/// verifies it. See <see cref="ConsistencyWorkflow"/>.
/// </summary>
internal static class ConsistencyCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var oldSize = new Argument<ulong>("OLD") { Description = "The earlier tree size (at least 1)." };
        var newSize = new Argument<ulong>("NEW") { Description = "The later tree size; 0 means the latest checkpoint's." };
        ServerOptions server = ServerOptions.Create();
        var oldCheckpoint = new Option<string>("--old-checkpoint")
        {
            Description = "A saved signed checkpoint of size OLD (from `checkpoint --out`): verify the proof from its root.",
            HelpName = "FILE",
        };
        var newCheckpoint = new Option<string>("--new-checkpoint")
        {
            Description = "A saved signed checkpoint of size NEW to verify the proof to (default: the server's latest, verified with the trusted keys).",
            HelpName = "FILE",
        };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "consistency",
            "Print the proof that the log of tree size NEW extends the one of size OLD; with saved checkpoints and trusted keys, verify it. "
            + "Exit codes: 0 printed (and verified, with checkpoints); 1 inconsistent, or a checkpoint does not verify; "
            + "2 unusable input, or the server refused or could not be reached.")
        {
            oldSize, newSize, oldCheckpoint, newCheckpoint, keys, trust,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(oldSize) == 0)
            {
                result.AddError("OLD must be at least 1: a proof from the empty tree proves nothing");
            }

            if (result.GetResult(newCheckpoint) is not null && result.GetResult(oldCheckpoint) is null)
            {
                result.AddError("--new-checkpoint needs --old-checkpoint");
            }
        });
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, _) => ConsistencyWorkflow.RunAsync(
                context,
                text,
                new ConsistencyArguments(
                    parsed.GetValue(oldSize),
                    parsed.GetValue(newSize),
                    server.Read(parsed),
                    parsed.GetValue(oldCheckpoint),
                    parsed.GetValue(newCheckpoint),
                    parsed.GetValue(keys) ?? [],
                    parsed.GetValue(trust)),
                cancellationToken)));
        return command;
    }
}
