using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core.Leaves;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain deposit FILE|DIR --kind KIND [--server URL [--cert FILE --cert-key FILE] --ca FILE] [--chunk-size BYTES] [--out DIR]
/// [--wait SECONDS] [--depositor-key FILE] [--key VKEY]… [--trust FILE]</c>: hashes and salts the
/// content locally, keeps the salt file, sends only the signed commitments, keeps the promise, waits
/// for the receipt and keeps it with the depositor opening. The steps are in <see cref="DepositWorkflow"/>.
/// </summary>
internal static class DepositCommand
{
    public const int WaitSecondsDefault = 60;
    public const int WaitSecondsMax = 3600;

    private static readonly Dictionary<string, ContentKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["trade-secret"] = ContentKind.TradeSecret,
        ["copyright"] = ContentKind.Copyright,
        ["data"] = ContentKind.Data,
        ["document"] = ContentKind.Document,
    };

    public static Command Create(CliContext context, Option<string> language)
    {
        var content = new Argument<string>("FILE|DIR") { Description = "The file or directory to deposit. Only salted commitments to it leave this computer." };
        var kind = new Option<string>("--kind") { Description = "What the content is.", HelpName = "trade-secret|copyright|data|document", Required = true };
        kind.AcceptOnlyFromAmong([.. s_kinds.Keys]);
        ServerOptions server = ServerOptions.Create();
        var chunkSize = new Option<long>("--chunk-size")
        {
            Description = "Cut each file into units of this many bytes (a power of two, 65536 to 1073741824), so a part can later be disclosed alone. Default: one unit per file.",
            HelpName = "BYTES",
        };
        var outDirectory = new Option<string>("--out") { Description = "Write the salt, promise and receipt files into this folder instead of beside the content.", HelpName = "DIR" };
        var wait = new Option<int>("--wait")
        {
            Description = $"Wait at most this long for the deposit to be in a signed checkpoint (0 to {WaitSecondsMax}).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => WaitSecondsDefault,
        };
        wait.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > WaitSecondsMax)
            {
                result.AddError($"--wait must be 0 to {WaitSecondsMax} seconds");
            }
        });
        Option<string> depositorKey = DepositorKey.CreateOption(madeOnFirstUse: true);
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "deposit",
            "Deposit a file or directory with the notary: only salted commitments are sent. Writes NAME.salt.json (keep it safe: "
            + "without it the deposit can never be proven), NAME.promise.json and, once the deposit is in a signed checkpoint, "
            + "NAME.receipt.json. Exit codes: 0 receipt saved; 1 an answer of the server does not verify; "
            + "2 unusable input, or the server refused or could not be reached; 3 accepted but not yet in a checkpoint (run `receipt` later).")
        {
            content, kind, chunkSize, outDirectory, wait, depositorKey, keys, trust,
        };
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, report) => DepositWorkflow.RunAsync(
                context,
                text,
                report,
                new DepositArguments(
                    parsed.GetRequiredValue(content),
                    s_kinds[parsed.GetRequiredValue(kind)],
                    server.Read(parsed),
                    parsed.GetValue(chunkSize),
                    parsed.GetValue(outDirectory),
                    parsed.GetValue(wait),
                    parsed.GetValue(depositorKey),
                    parsed.GetValue(keys) ?? [],
                    parsed.GetValue(trust)),
                cancellationToken)));
        return command;
    }
}
