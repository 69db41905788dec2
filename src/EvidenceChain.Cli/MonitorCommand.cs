using System.CommandLine;
using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain monitor --rpc URL [--server URL [--cert FILE --cert-key FILE] --ca FILE] [--contract 0x…] [--state FILE] [--from-block N]
/// [--block-range N] [--watch SECONDS] [--key VKEY…] [--trust FILE]</c>: checks that every checkpoint
/// root the notary anchored on chain belongs to one append-only log. See <see cref="MonitorWorkflow"/>
/// and docs/monitor.md.
/// </summary>
internal static class MonitorCommand
{
    /// <summary>The default <c>--block-range</c>: what public nodes commonly allow for one eth_getLogs.</summary>
    public const ulong BlockRangeDefaultBlocks = 1_000;

    public static Command Create(CliContext context, Option<string> language)
    {
        var rpc = new Option<string>("--rpc")
        {
            Description = "The chain's JSON-RPC address (http:// or https://), of a node you trust to show the canonical chain.",
            HelpName = "URL",
            Required = true,
        };
        ServerOptions server = ServerOptions.Create();
        var contract = new Option<string>("--contract")
        {
            Description = "The EvidenceAnchor contract (0x…). Pin it: without it the address is taken from the server being watched.",
            HelpName = "ADDRESS",
        };
        var state = new Option<string>("--state")
        {
            Description = "Where to keep the last verified anchor (default: $XDG_STATE_HOME, else ~/.local/state, /evidencechain/monitor/<log id>.json).",
            HelpName = "FILE",
        };
        var fromBlock = new Option<ulong>("--from-block")
        {
            Description = "Without a state file, the first block to read (the contract's deployment block saves reading the chain's whole history).",
            HelpName = "N",
        };
        var blockRange = new Option<ulong>("--block-range")
        {
            Description = $"Blocks per eth_getLogs request, 1 to {AnchorEventReader.BlockRangeMaxBlocks} (default {BlockRangeDefaultBlocks}).",
            HelpName = "N",
            DefaultValueFactory = _ => BlockRangeDefaultBlocks,
        };
        var watch = new Option<uint?>("--watch")
        {
            Description = "Check again every SECONDS until interrupted; an unreachable server or chain is retried, an inconsistency ends it with exit code 1.",
            HelpName = "SECONDS",
        };
        Option<string[]> keys = TrustedKeysOption.CreateKeyOption();
        Option<string> trust = TrustedKeysOption.CreateTrustOption();
        var command = new Command(
            "monitor",
            "Check that every checkpoint root the log anchored on chain, and the server's latest checkpoint, belong to one append-only log: "
            + "each anchor must extend the one before (a consistency proof from the server, verified against the roots on chain). "
            + "Exit codes: 0 consistent; 1 inconsistent (the line names both tree sizes, roots and the anchor's transaction and block), "
            + "or the server's answer does not verify; 2 unusable input, or the server or chain refused or could not be reached.")
        {
            rpc, contract, state, fromBlock, blockRange, watch, keys, trust,
        };
        blockRange.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<ulong>() is 0 or > AnchorEventReader.BlockRangeMaxBlocks)
            {
                result.AddError($"--block-range must be 1 to {AnchorEventReader.BlockRangeMaxBlocks}");
            }
        });
        watch.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<uint?>() is 0)
            {
                result.AddError("--watch must be at least 1 second");
            }
        });
        foreach (Option option in server.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (text, report) => MonitorWorkflow.RunAsync(
                context,
                text,
                report,
                MonitorText.For(parsed.GetValue(language)),
                new MonitorArguments(
                    parsed.GetValue(rpc)!,
                    server.Read(parsed),
                    parsed.GetValue(contract),
                    parsed.GetValue(state),
                    parsed.GetValue(fromBlock),
                    parsed.GetValue(blockRange),
                    parsed.GetValue(watch),
                    parsed.GetValue(keys) ?? [],
                    parsed.GetValue(trust)),
                cancellationToken)));
        return command;
    }
}
