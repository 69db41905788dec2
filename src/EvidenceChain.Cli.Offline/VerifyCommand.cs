using System.CommandLine;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// <c>evidencechain verify RECEIPT (--file FILE | --dir DIR) --salt SALTFILE [--key KEY]… [--trust FILE]
/// [--tsa-root FILE… [--operator-tsa FILE…]] [--rpc URL [--depth N]]</c>: checks a receipt fully offline
/// against the depositor's content and salt file, with keys and TSA roots from the verifier's own
/// configuration only, and prints a report. Exit 0 valid,
/// 1 invalid, 2 unusable input with one line on stderr. A receipt that is read but malformed is a
/// finding about the receipt, so it is 1 with a report; one that cannot be read (missing, or over the
/// 1 MiB format limit) is 2. The salt file, keys and content are the verifier's own inputs, so any
/// fault in them is 2.
/// <para>
/// The receipt's RFC 3161 tokens are checked against the <c>--tsa-root</c> certificates, the TSA roots the
/// verifier accepts; tokens signed by an <c>--operator-tsa</c> certificate are reported as operator time,
/// not independent. Without <c>--tsa-root</c> the report says the tokens were not checked.
/// </para>
/// <para>
/// With <c>--rpc</c>, and only after every offline check passed, the Ethereum node at URL — one the
/// verifier trusts, never the notary's — is asked whether each anchor proven offline is in a block on
/// its canonical chain, and final: at or below its <c>finalized</c> block, or, on a node without that
/// tag, at least <c>--depth</c> blocks (default <see cref="DepthDefault"/>, a common confirmation
/// count) below its head. A "no" is a finding about the receipt (1, with the report);
/// a node that cannot be reached or answers unusably is 2 with one line. The node is reached through
/// <see cref="IChainNode"/>, which the executable provides, so this assembly stays free of network code.
/// </para>
/// </summary>
internal static class VerifyCommand
{
    /// <summary>A salt file is a few hundred bytes; anything this large is the wrong file.</summary>
    public const int SaltFileLengthMaxBytes = 64 * 1024;

    /// <summary>Blocks below the head that count as final on a node without a <c>finalized</c> tag.</summary>
    public const int DepthDefault = 12;

    /// <summary>About two weeks of Ethereum blocks; more is a typo.</summary>
    public const int DepthMax = 100_000;

    public const string RpcOption = "--rpc";

    /// <summary>The command; <paramref name="connectNode"/> opens the chain node for <c>--rpc</c> (the executable's JSON-RPC client).</summary>
    public static Command Create(CliContext context, Option<string> language, Func<Uri, IChainNode> connectNode)
    {
        ArgumentNullException.ThrowIfNull(connectNode);
        var receipt = new Argument<string>("RECEIPT") { Description = "The receipt file (*.receipt.json)." };
        var file = new Option<string>("--file") { Description = "The deposited file, for a single-file deposit.", HelpName = "FILE" };
        var directory = new Option<string>("--dir") { Description = "The deposited directory, for a directory deposit.", HelpName = "DIR" };
        var salt = new Option<string>("--salt") { Description = "The depositor's salt file.", HelpName = "SALTFILE", Required = true };
        var keys = new Option<string[]>(TrustedKeys.KeyOption)
        {
            Description = "A trusted verifier key (name+keyid+base64) or a file of them, one per line; repeatable.",
            HelpName = "VKEY",
        };
        var trust = new Option<string>(TrustedKeys.TrustOption)
        {
            Description = $"A trust file of verifier keys (default: ${TrustedKeys.TrustFileVariable}, else ~/.config/evidencechain/trusted.keys).",
            HelpName = "FILE",
        };
        var tsaRoots = new Option<string[]>(TsaCertificateFiles.RootOption)
        {
            Description = "A PEM file of TSA root certificates you trust; the receipt's RFC 3161 timestamp tokens are checked against them. Repeatable.",
            HelpName = "FILE",
        };
        var operatorTsa = new Option<string[]>(TsaCertificateFiles.OperatorOption)
        {
            Description = "With --tsa-root: a PEM file of the operator's own TSA certificates (its tsa.crt); their tokens are reported as operator time, not independent. Repeatable.",
            HelpName = "FILE",
        };
        var rpc = new Option<string>(RpcOption)
        {
            Description = "After the offline checks, ask this Ethereum JSON-RPC node (one you trust, not the notary's) whether each proven anchor's block is canonical and final.",
            HelpName = "URL",
        };
        var depth = new Option<int>("--depth")
        {
            Description = $"With --rpc, on a node without a 'finalized' block: how many blocks below the head count as final (1 to {DepthMax}, default {DepthDefault}).",
            HelpName = "N",
            DefaultValueFactory = _ => DepthDefault,
        };
        depth.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > DepthMax)
            {
                result.AddError($"--depth must be 1 to {DepthMax} blocks");
            }
        });
        var command = new Command(
            "verify",
            "Verify a deposit receipt offline against the content and salt file, and print a report; with --rpc, also check its chain anchors "
            + "on an Ethereum node you trust. Exit codes: 0 valid; 1 invalid (also: an anchor's block is not canonical or not final on that node); "
            + "2 unusable input, or the node could not be reached.")
        {
            receipt, file, directory, salt, keys, trust, tsaRoots, operatorTsa, rpc, depth,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(file) is null) == (result.GetResult(directory) is null))
            {
                result.AddError("give exactly one of --file and --dir");
            }

            if (result.GetResult(depth) is { Implicit: false } && result.GetResult(rpc) is null)
            {
                result.AddError("--depth needs --rpc");
            }

            if (result.GetResult(operatorTsa) is not null && result.GetResult(tsaRoots) is null)
            {
                result.AddError($"{TsaCertificateFiles.OperatorOption} needs {TsaCertificateFiles.RootOption}: without TSA roots no token is checked");
            }
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            ReportText.For(parsed.GetValue(language)),
            new VerifyArguments(
                parsed.GetRequiredValue(receipt),
                parsed.GetValue(file),
                parsed.GetValue(directory),
                parsed.GetRequiredValue(salt),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                parsed.GetValue(rpc),
                (ulong)parsed.GetValue(depth),
                parsed.GetValue(tsaRoots) ?? [],
                parsed.GetValue(operatorTsa) ?? []),
            connectNode,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ReportText text, VerifyArguments arguments, Func<Uri, IChainNode> connectNode, CancellationToken cancellationToken)
    {
        try
        {
            return (int)await VerifyAsync(context, text, arguments, connectNode, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            context.Error.WriteLine(text.Error(e));
            return (int)ExitCode.UnusableInput;
        }
        catch (ChainNodeException e)
        {
            context.Error.WriteLine(text.ErrorPrefix + (e.IsUnreachable ? text.ChainNodeUnreachable(e.Endpoint, e.Detail) : text.ChainNodeFailed(e.Endpoint, e.Detail)));
            return (int)ExitCode.UnusableInput;
        }
    }

    private static async Task<ExitCode> VerifyAsync(CliContext context, ReportText text, VerifyArguments arguments, Func<Uri, IChainNode> connectNode, CancellationToken cancellationToken)
    {
        // Cheap inputs first, so a typo fails before a large content is hashed.
        Uri? rpc = arguments.Rpc is null ? null : ParseRpcAddress(arguments.Rpc);
        TrustedKeySet trusted = TrustedKeys.Load(arguments.KeyArguments, arguments.TrustPath, context);
        TimestampTrust? timestampTrust = TsaCertificateFiles.Load(arguments.TsaRootPaths, arguments.OperatorTsaPaths);
        string receiptJson = InputFile.ReadText(arguments.ReceiptPath, Receipt.FileLengthMaxBytes);
        SaltFile saltFile = ReadSaltFile(arguments.SaltPath);
        DepositContent content = arguments.FilePath is not null ? DepositContent.FromFile(arguments.FilePath) : DepositContent.FromDirectory(arguments.DirectoryPath!);
        DepositEvidence evidence = ProgressDisplay.Run(
            context,
            text.HashingProgress,
            content.TotalLengthBytes,
            advance => content.ComputeEvidence(saltFile.MasterSalt, saltFile.ChunkSizeBytes, advance));

        ReceiptReport report = ReceiptVerifier.Verify(receiptJson, trusted.Keys, evidence, timestampTrust);

        // The node is asked only about what the receipt proved offline: it can confirm a proven block, never stand in for the proof.
        CanonicalityReport? canonicality = null;
        if (rpc is not null && report.IsValid && report.VerifiedAnchors.Count > 0)
        {
            using IChainNode node = connectNode(rpc);
            canonicality = await AnchorCanonicality.CheckAsync(node, report.VerifiedAnchors, arguments.DepthMin, cancellationToken).ConfigureAwait(false);
        }

        var inputs = new VerifyInputs(
            arguments.ReceiptPath,
            content.SourcePath,
            content.IsDirectory,
            arguments.SaltPath,
            trusted,
            ContentMatchesSaltFile: evidence.UnitsRoot == saltFile.UnitsRoot && evidence.UnitCount == saltFile.UnitCount,
            RpcEndpoint: rpc is null ? null : EndpointName(rpc),
            TsaRootPaths: arguments.TsaRootPaths,
            OperatorTsaPaths: arguments.OperatorTsaPaths);
        ReportWriter.Write(context.Output, text, inputs, report, report.Depositor?.KeyFingerprint, canonicality);
        return report.IsValid && canonicality?.IsValid != false ? ExitCode.Success : ExitCode.Invalid;
    }

    /// <summary>The node's address as reports and errors name it: what the user typed, normalized, without a trailing slash on a bare host.</summary>
    public static string EndpointName(Uri rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        return rpc.AbsolutePath == "/" && rpc.Query.Length == 0 ? rpc.GetLeftPart(UriPartial.Authority) : rpc.GetLeftPart(UriPartial.Query);
    }

    /// <summary>An http or https URL; user information in it is refused, so no password ends up in a report.</summary>
    private static Uri ParseRpcAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : throw new InputException(InputProblem.RpcAddressInvalid, value);

    /// <summary>Reads and parses a salt file; any fault in it is unusable input. <c>receipt</c> reads salt files the same way.</summary>
    public static SaltFile ReadSaltFile(string path)
    {
        Verdict verdict = SaltFile.TryParse(InputFile.ReadText(path, SaltFileLengthMaxBytes), out SaltFile? saltFile);
        return verdict.IsValid ? saltFile! : throw new InputException(InputProblem.SaltFileMalformed, path, verdict.Detail);
    }
}
