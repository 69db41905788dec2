using System.CommandLine;
using System.Globalization;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain backup [--server URL [--cert FILE --cert-key FILE] --ca FILE]</c>: asks the service for an online
/// backup of its log store (the notary office only; docs/backup.md). The backup is written on the server's machine,
/// under its <c>Backup:Directory</c>; restoring it is <c>EvidenceChain.Service store restore</c>, with the service stopped.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        ServerOptions server = ServerOptions.Create();
        var command = new Command(
            "backup",
            "Have the service take an online backup of its log store (notary office only): deposits wait only while the data file is copied. "
            + "Exit codes: 0 backup written; 2 the server refused (not the office, or the backup could not be written) or could not be reached.");
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            async (text, _) =>
            {
                using NotaryConnection connection = NotaryConnection.Open(server.Read(parsed), context);
                context.Output.WriteLine(text.Server(connection.Address));
                Protocol.V1.CreateBackupResponse backup = await connection.CreateBackupAsync(cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine("backup: " + backup.Directory);
                context.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"leaves: {backup.LeafCount}; latest checkpoint: tree size {backup.TreeSize}; deposits waited {backup.WritesHeldMs} ms"));
                return ExitCode.Success;
            }));
        return command;
    }
}
