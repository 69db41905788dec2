using System.CommandLine;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// <c>evidencechain verify RECEIPT (--file FILE | --dir DIR) --salt SALTFILE [--key KEY]… [--trust FILE]
/// [--tsa-root FILE… [--operator-tsa FILE…]] [--rpc URL [--depth N]] [--compromise FILE…]</c>: checks a receipt fully offline
/// against the depositor's content and salt file, with keys and TSA roots from the verifier's own
/// configuration only, and prints a report.
/// <c>evidencechain verify CERT.pdf [--proof FILE] [--signing-root FILE]… [(--file FILE | --dir DIR) --salt SALTFILE] …</c>
/// does the same for a deposit certificate (docs/deposit-certificate.md §Verify a certificate): its signature, its
/// record in the log and the receipt behind it, from its proof file; the content is optional there. The first
/// argument is told apart by what it holds: a PDF starts with <c>%PDF-</c>, a receipt is JSON. Exit 0 valid,
/// 1 invalid, 2 unusable input with one line on stderr. A receipt that is read but malformed is a
/// finding about the receipt, so it is 1 with a report; one that cannot be read (missing, or over the
/// 1 MiB format limit) is 2. The salt file, keys and content are the verifier's own inputs, so any
/// fault in them is 2; so is a certificate without its proof file, which the notary hands out with it.
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

    public const string CompromiseOption = "--compromise";
    public const string ProofOption = "--proof";
    public const string SigningRootOption = "--signing-root";

    private static ReadOnlySpan<byte> PdfHeader => "%PDF-"u8;

    /// <summary>The command; <paramref name="connectNode"/> opens the chain node for <c>--rpc</c> (the executable's JSON-RPC client).</summary>
    public static Command Create(CliContext context, Option<string> language, Func<Uri, IChainNode> connectNode)
    {
        ArgumentNullException.ThrowIfNull(connectNode);
        var input = new Argument<string>("RECEIPT|CERTIFICATE")
        {
            Description = "The receipt file (*.receipt.json), or a deposit certificate PDF (told apart by content).",
        };
        var file = new Option<string>("--file") { Description = "The deposited file, for a single-file deposit.", HelpName = "FILE" };
        var directory = new Option<string>("--dir") { Description = "The deposited directory, for a directory deposit.", HelpName = "DIR" };
        var salt = new Option<string>("--salt")
        {
            Description = "The depositor's salt file; required for a receipt, optional for a certificate (then with --file or --dir).",
            HelpName = "SALTFILE",
        };
        var proof = new Option<string>(ProofOption)
        {
            Description = "For a certificate PDF: its proof file, which the notary hands out with it (default: the PDF's path + .proof.json).",
            HelpName = "FILE",
        };
        var signingRoots = new Option<string[]>(SigningRootOption)
        {
            Description = "For a certificate PDF: a PEM file of certificates you trust to be, or to have issued, the notary's signing certificate; "
                + "obtain it from a source you trust, not from the certificate. Repeatable.",
            HelpName = "FILE",
        };
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
        var compromise = new Option<string[]>(CompromiseOption)
        {
            Description = "A key compromise statement (key-statement.md) signed by a successor log whose keys you trust (--key/--trust): "
                + "the report says whether the receipt's checkpoint is proven to predate the compromise, and exit code 5 warns when it is not. Repeatable.",
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
            "Verify a deposit receipt offline against the content and salt file, or a deposit certificate PDF with its proof file, and print a report; "
            + "with --rpc, also check the receipt's chain anchors on an Ethereum node you trust. Exit codes: 0 valid; 1 invalid (also: an anchor's "
            + "block is not canonical or not final on that node); 2 unusable input, or the node could not be reached; 5 valid, but signed with keys a --compromise statement names and not proven older.")
        {
            input, file, directory, salt, keys, trust, tsaRoots, operatorTsa, rpc, depth, proof, signingRoots, compromise,
        };

        // Rules that depend on whether the input is a receipt or a PDF are checked once it is read (RequireOptionsFit):
        // peeking here would consume a pipe's first bytes.
        command.Validators.Add(result =>
        {
            if (result.GetResult(file) is not null && result.GetResult(directory) is not null)
            {
                result.AddError("give exactly one of --file and --dir");
            }

            if ((result.GetResult(salt) is null) != (result.GetResult(file) is null && result.GetResult(directory) is null))
            {
                result.AddError("give --salt together with --file or --dir");
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
            parsed.GetValue(language),
            new VerifyArguments(
                parsed.GetRequiredValue(input),
                parsed.GetValue(file),
                parsed.GetValue(directory),
                parsed.GetValue(salt),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                parsed.GetValue(rpc),
                (ulong)parsed.GetValue(depth),
                parsed.GetValue(tsaRoots) ?? [],
                parsed.GetValue(operatorTsa) ?? [],
                parsed.GetValue(proof),
                parsed.GetValue(signingRoots) ?? [],
                parsed.GetValue(compromise) ?? []),
            connectNode,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? language, VerifyArguments arguments, Func<Uri, IChainNode> connectNode, CancellationToken cancellationToken)
    {
        ReportText text = ReportText.For(language);
        try
        {
            return (int)await VerifyAsync(context, text, CertificateReportText.For(language), arguments, connectNode, cancellationToken).ConfigureAwait(false);
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

    private static async Task<ExitCode> VerifyAsync(
        CliContext context,
        ReportText text,
        CertificateReportText certificateText,
        VerifyArguments arguments,
        Func<Uri, IChainNode> connectNode,
        CancellationToken cancellationToken)
    {
        // Cheap inputs first, so a typo fails before a large content is hashed.
        Uri? rpc = arguments.Rpc is null ? null : ParseRpcAddress(arguments.Rpc);
        TrustedKeySet trusted = TrustedKeys.Load(arguments.KeyArguments, arguments.TrustPath, context);
        TimestampTrust? timestampTrust = TsaCertificateFiles.Load(arguments.TsaRootPaths, arguments.OperatorTsaPaths);

        // Read once, whole: the input may be a pipe, which cannot be read twice.
        byte[] input = InputFile.ReadBytes(arguments.InputPath, CertificateSignatureCheck.PdfLengthBytesMax);
        bool isCertificate = input.AsSpan().StartsWith(PdfHeader);
        RequireOptionsFit(arguments, isCertificate);
        IReadOnlyList<KeyCompromise> compromises = ReadCompromises(arguments.CompromisePaths, trusted);
        var trust = new VerifierTrust(trusted, timestampTrust, rpc, compromises);
        return isCertificate
            ? await VerifyCertificateAsync(context, text, certificateText, arguments, input, trust, connectNode, cancellationToken).ConfigureAwait(false)
            : await VerifyReceiptAsync(context, text, arguments, InputFile.DecodeText(arguments.InputPath, input, Receipt.FileLengthMaxBytes), trust, connectNode, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ExitCode> VerifyReceiptAsync(
        CliContext context,
        ReportText text,
        VerifyArguments arguments,
        string receiptJson,
        VerifierTrust trust,
        Func<Uri, IChainNode> connectNode,
        CancellationToken cancellationToken)
    {
        ContentEvidence content = ContentEvidence.Compute(context, text, arguments.FilePath, arguments.DirectoryPath, arguments.SaltPath!);
        ReceiptReport report = ReceiptVerifier.Verify(receiptJson, trust.Keys.Keys, content.Evidence, trust.Timestamps);
        CanonicalityReport? canonicality = await CheckCanonicalityAsync(trust.Rpc, report, report.IsValid, arguments.DepthMin, connectNode, cancellationToken).ConfigureAwait(false);
        var inputs = new VerifyInputs(arguments.InputPath, ProofPath: null, content, trust.Keys, trust.RpcEndpoint, TsaRootPaths: arguments.TsaRootPaths, OperatorTsaPaths: arguments.OperatorTsaPaths);
        ReportWriter.Write(context.Output, text, inputs, report, report.Depositor?.KeyFingerprint, canonicality);
        return Outcome(text, report, canonicality, trust.Compromises, context.Output);
    }

    private static async Task<ExitCode> VerifyCertificateAsync(
        CliContext context,
        ReportText text,
        CertificateReportText certificateText,
        VerifyArguments arguments,
        byte[] pdf,
        VerifierTrust trust,
        Func<Uri, IChainNode> connectNode,
        CancellationToken cancellationToken)
    {
        string proofPath = arguments.ProofPath ?? CertificateProof.PathBeside(arguments.InputPath);
        string proofJson = File.Exists(proofPath) || Directory.Exists(proofPath)
            ? InputFile.ReadText(proofPath, CertificateProof.FileLengthMaxBytes)
            : throw new InputException(InputProblem.CertificateProofNotFound, proofPath);
        List<X509Certificate> signingRoots = PemCertificateFiles.ReadAll(arguments.SigningRootPaths);
        ContentEvidence? content = arguments.HasContent
            ? ContentEvidence.Compute(context, text, arguments.FilePath, arguments.DirectoryPath, arguments.SaltPath!)
            : null;

        CertificateReport report = CertificateVerifier.Verify(pdf, proofJson, trust.Keys.Keys, content?.Evidence, trust.Timestamps, signingRoots);
        CanonicalityReport? canonicality = report.Receipt is ReceiptReport receipt
            ? await CheckCanonicalityAsync(trust.Rpc, receipt, report.IsValid, arguments.DepthMin, connectNode, cancellationToken).ConfigureAwait(false)
            : null;
        var inputs = new VerifyInputs(arguments.InputPath, proofPath, content, trust.Keys, trust.RpcEndpoint, arguments.SigningRootPaths, arguments.TsaRootPaths, arguments.OperatorTsaPaths);
        CertificateReportWriter.Write(context.Output, text, certificateText, inputs, report, canonicality);
        return report.Receipt is ReceiptReport proven && report.IsValid
            ? Outcome(text, proven, canonicality, trust.Compromises, context.Output)
            : ExitCode.Invalid;
    }

    /// <summary>
    /// The exit code of a verified receipt, after what each compromise statement means for it: a valid receipt whose
    /// checkpoint may be a forgery with compromised keys is reported, and exits <see cref="ExitCode.ValidButCompromised"/>.
    /// </summary>
    private static ExitCode Outcome(ReportText text, ReceiptReport report, CanonicalityReport? canonicality, IReadOnlyList<KeyCompromise> compromises, TextWriter output)
    {
        if (!report.IsValid || canonicality?.IsValid == false)
        {
            return ExitCode.Invalid;
        }

        IReadOnlyList<EvmAnchorSection> confirmed = canonicality?.Confirmed ?? [];
        var findings = compromises.Select(c => (Statement: c, Finding: CompromiseCheck.Assess(c, report, confirmed))).Where(f => f.Finding.Finding != CompromiseFinding.NotAffected).ToList();
        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(text.CompromiseHeading);
            foreach ((KeyCompromise statement, CompromiseAssessment finding) in findings)
            {
                output.WriteLine("  " + text.CompromiseFindingText(finding, statement));
            }
        }

        return findings.Any(f => f.Finding.IsWarning) ? ExitCode.ValidButCompromised : ExitCode.Success;
    }

    /// <summary>Each <c>--compromise</c> statement, which must verify with the trusted keys (those of the successor log).</summary>
    private static List<KeyCompromise> ReadCompromises(IReadOnlyList<string> paths, TrustedKeySet trusted)
    {
        var statements = new List<KeyCompromise>();
        foreach (string path in paths)
        {
            Verdict verdict = KeyCompromise.Verify(InputFile.ReadText(path, SignedNote.NoteLengthMaxBytes), trusted.Keys, out KeyCompromise? statement);
            statements.Add(verdict.IsValid ? statement! : throw new InputException(InputProblem.CompromiseStatementInvalid, path, verdict.Detail));
        }

        return statements;
    }

    /// <summary>A receipt is checked against its content; the certificate's own options make no sense for it.</summary>
    private static void RequireOptionsFit(VerifyArguments arguments, bool isCertificate)
    {
        if (isCertificate)
        {
            return;
        }

        if (!arguments.HasContent)
        {
            throw new InputException(InputProblem.ReceiptNeedsContent, arguments.InputPath);
        }

        if (arguments.ProofPath is not null || arguments.SigningRootPaths.Count > 0)
        {
            throw new InputException(InputProblem.OptionNeedsCertificate, arguments.ProofPath is not null ? ProofOption : SigningRootOption, arguments.InputPath);
        }
    }

    /// <summary>
    /// With <c>--rpc</c>, asks the node about the anchors the receipt proved, and only when everything offline held
    /// (<paramref name="verified"/>): the node can confirm a proven block, never stand in for the proof.
    /// </summary>
    private static async Task<CanonicalityReport?> CheckCanonicalityAsync(
        Uri? rpc,
        ReceiptReport receipt,
        bool verified,
        ulong depthMin,
        Func<Uri, IChainNode> connectNode,
        CancellationToken cancellationToken)
    {
        if (rpc is null || !verified || receipt.VerifiedAnchors.Count == 0)
        {
            return null;
        }

        using IChainNode node = connectNode(rpc);
        return await AnchorCanonicality.CheckAsync(node, receipt.VerifiedAnchors, depthMin, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the verifier trusts, from its own configuration: the log's keys, the TSA roots, the chain node.</summary>
    private sealed record VerifierTrust(TrustedKeySet Keys, TimestampTrust? Timestamps, Uri? Rpc, IReadOnlyList<KeyCompromise> Compromises)
    {
        public string? RpcEndpoint => Rpc is null ? null : EndpointName(Rpc);
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
