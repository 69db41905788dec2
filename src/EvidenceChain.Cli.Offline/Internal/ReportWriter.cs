using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Writes the verification report for a reader who is not a cryptographer: the verdict first, then
/// what was examined, the facts the receipt establishes (with each proven chain anchor in its own
/// section, in 0x-hex so a reader can look it up in any Ethereum client, and each verified timestamp
/// token in its own, saying whether its TSA is independent of the notary), every check that passed,
/// who signed, and plainly what was not checked. With <c>--rpc</c>, the chain node's answer is part
/// of the verdict and of the checks, and names the node. Sections with nothing to say are left out;
/// a blank line comes before each section. Its parts are public so <see cref="CertificateReportWriter"/>
/// prints the receipt behind a certificate the same way.
/// </summary>
internal static class ReportWriter
{
    private const string Indent = "  ";

    /// <summary>The whole report; <paramref name="canonicality"/> is what the chain node said about the proven anchors, or null when no node was asked.</summary>
    public static void Write(
        TextWriter writer,
        ReportText text,
        VerifyInputs inputs,
        ReceiptReport report,
        Digest? depositorFingerprint,
        CanonicalityReport? canonicality = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine(text.Title);
        WriteVerdict(writer, text, report.Verdict, inputs.ContentMatchesSaltFile, canonicality);
        WriteInputs(writer, text, inputs);
        WriteFacts(writer, text, text.FactsHeading, report, depositorFingerprint);
        WriteAnchorsAndTimestamps(writer, text, report);
        WriteSection(writer, text.ChecksHeading, PassedLines(text, report, canonicality));
        WriteSigners(writer, text, report);
        WriteSection(writer, text.NotCheckedHeading, NotCheckedLines(text, report, canonicality, inputs.RpcEndpoint, report.IsValid));
    }

    /// <summary>An acceptance time as ISO 8601 UTC with milliseconds, the precision the leaf records.</summary>
    public static string FormatTime(long unixMs, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return unixMs is >= 0 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : text.TimeOutOfRange(unixMs);
    }

    /// <summary>A block time (Unix seconds, from a verified header) as ISO 8601 UTC.</summary>
    public static string FormatBlockTime(ulong unixSeconds, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return unixSeconds <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : text.BlockTimeOutOfRange(unixSeconds);
    }

    /// <summary>
    /// The verdict and, when it fails, the reason with its stable name, Core's detail and, for a content mismatch,
    /// whether the content at least matches its salt file (<paramref name="contentMatchesSaltFile"/>).
    /// </summary>
    public static void WriteVerdict(TextWriter writer, ReportText text, Verdict verdict, bool contentMatchesSaltFile, CanonicalityReport? canonicality)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        writer.WriteLine();
        bool chainHolds = canonicality is null || canonicality.IsValid;
        writer.WriteLine(text.VerdictLabel + (verdict.IsValid && chainHolds ? text.Valid : text.Invalid));
        if (verdict.IsValid && !chainHolds)
        {
            writer.WriteLine($"{text.ReasonLabel}{text.CanonicalityFailureText(canonicality!.Failure)} [{canonicality.Failure}]");
            writer.WriteLine(text.DetailLabel + canonicality.Detail);
            writer.WriteLine(text.Stopped);
        }

        if (!verdict.IsValid)
        {
            // The stable failure name goes beside the sentence, so an expert can look it up in the format docs.
            writer.WriteLine($"{text.ReasonLabel}{text.Failure(verdict.Failure)} [{verdict.Failure}]");
            writer.WriteLine(text.DetailLabel + verdict.Detail);
            if (verdict.Failure is VerificationFailure.CommitmentMismatch or VerificationFailure.UnitCountMismatch)
            {
                writer.WriteLine(text.HintLabel + (contentMatchesSaltFile ? text.ContentMatchesSaltFile : text.ContentDiffersFromSaltFile));
            }

            writer.WriteLine(text.Stopped);
        }
    }

    /// <summary>What was examined: the receipt, or the certificate PDF and its proof; the content, if given; whose keys and roots were trusted.</summary>
    public static void WriteInputs(TextWriter writer, ReportText text, VerifyInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        WriteSection(writer, text.InputsHeading,
        [
            .. inputs.ProofPath is string proof
                ? (string[])[text.CertificateFileLabel + inputs.InputPath, text.ProofFileLabel + proof]
                : [text.ReceiptFileLabel + inputs.InputPath],
            .. inputs.Content is ContentEvidence content
                ? (string[])[(content.IsDirectory ? text.ContentDirectoryLabel : text.ContentFileLabel) + content.ContentPath, text.SaltFileLabel + content.SaltFilePath]
                : [],
            text.TrustedKeys(inputs.TrustedKeys.Keys.Count, string.Join(", ", inputs.TrustedKeys.Sources)),
            .. inputs.SigningRootPaths is { Count: > 0 } signingRoots ? (string[])[text.SigningRootsLabel + string.Join(", ", signingRoots)] : [],
            .. inputs.TsaRootPaths is { Count: > 0 } roots ? (string[])[text.TsaRootsLabel + string.Join(", ", roots)] : [],
            .. inputs.OperatorTsaPaths is { Count: > 0 } operatorTsa ? (string[])[text.OperatorTsaLabel + string.Join(", ", operatorTsa)] : [],
            .. inputs.RpcEndpoint is string endpoint ? (string[])[text.RpcNodeLabel + endpoint] : [],
        ]);
    }

    /// <summary>What the receipt establishes about the deposit, under <paramref name="heading"/>.</summary>
    public static void WriteFacts(TextWriter writer, ReportText text, string heading, ReceiptReport report, Digest? depositorFingerprint)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        var facts = new List<string>();
        if (report.Checkpoint is Checkpoint checkpoint)
        {
            facts.Add(text.OriginLabel + checkpoint.Origin);
            facts.Add(text.TreeSizeLabel + checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture));
        }

        if (report.LeafIndex is ulong leafIndex)
        {
            facts.Add(text.LeafIndexLabel + leafIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (report.Deposit is DepositLeaf deposit)
        {
            facts.Add(text.ReceivedAtLabel + FormatTime(deposit.ReceivedAtMs, text));
            facts.Add(text.ContentKindLabel + text.Kind(deposit.Kind));
            facts.Add(text.UnitCountLabel + deposit.UnitCount.ToString(CultureInfo.InvariantCulture));
        }

        if (report.Checkpoint is not null)
        {
            facts.Add(text.RootLabel + report.Checkpoint.Root.ToBase64());
        }

        if (depositorFingerprint is Digest fingerprint)
        {
            facts.Add(text.DepositorLabel + fingerprint.ToHex());
        }

        WriteSection(writer, heading, facts);
    }

    /// <summary>Each anchor and timestamp token the receipt proved, in its own section.</summary>
    public static void WriteAnchorsAndTimestamps(TextWriter writer, ReportText text, ReceiptReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (EvmAnchorSection anchor in report.VerifiedAnchors)
        {
            WriteAnchor(writer, text, anchor);
        }

        foreach (ReceiptTimestamp timestamp in report.VerifiedTimestamps)
        {
            WriteTimestamp(writer, text, timestamp);
        }
    }

    /// <summary>The receipt's checks that passed, then what the chain node confirmed.</summary>
    public static List<string> PassedLines(ReportText text, ReceiptReport report, CanonicalityReport? canonicality)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        var passed = report.Passed.Select(check => "✓ " + text.Check(check)).ToList();
        passed.AddRange((canonicality?.Confirmed ?? []).Select(anchor => "✓ " + FormatCanonical(text, canonicality!, anchor)));
        return passed;
    }

    public static void WriteSigners(TextWriter writer, ReportText text, ReceiptReport report)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        WriteSection(writer, text.SignersHeading, report.SignedBy.Select(FormatSigner));
    }

    /// <summary>
    /// What the receipt leaves unchecked. <paramref name="verified"/> is whether everything offline held, the
    /// condition for asking the node at <paramref name="rpcEndpoint"/>.
    /// </summary>
    public static List<string> NotCheckedLines(ReportText text, ReceiptReport report, CanonicalityReport? canonicality, string? rpcEndpoint, bool verified)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);

        // Once a node was asked, canonicality is no longer "not checked": it passed (above) or is the verdict.
        var notChecked = report.NotChecked
            .Where(entry => canonicality is null || entry.Item != UncheckedItem.AnchorCanonicality)
            .Select(entry => "- " + text.Unchecked(entry.Item, entry.Detail))
            .ToList();
        if (rpcEndpoint is string endpoint && canonicality is null && verified)
        {
            notChecked.Add("- " + text.NoProvenAnchorForRpc(endpoint));
        }

        return notChecked;
    }

    /// <summary>A heading and its indented lines after a blank line; nothing when there are no lines.</summary>
    public static void WriteSection(TextWriter writer, string heading, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lines);
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(heading);
        foreach (string line in items)
        {
            writer.WriteLine(Indent + line);
        }
    }

    /// <summary>An anchor proven offline: where to find it on chain, what it anchors, and what the notary claims about it.</summary>
    private static void WriteAnchor(TextWriter writer, ReportText text, EvmAnchorSection anchor)
    {
        EvmLanding landing = anchor.Landing!;
        WriteSection(writer, text.AnchorHeading,
        [
            text.AnchorStatusLabel + text.AnchorStateText(anchor.Status),
            text.ChainIdLabel + anchor.ChainId.ToString(CultureInfo.InvariantCulture),
            text.ContractLabel + anchor.Contract,
            text.LogIdLabel + "0x" + anchor.LogId.ToHex(),
            text.AnchoredTreeSizeLabel + anchor.TreeSize.ToString(CultureInfo.InvariantCulture),
            text.AnchoredRootLabel + "0x" + anchor.Root.ToHex(),
            text.TransactionHashLabel + landing.TransactionHash,
            text.BlockNumberLabel + landing.BlockNumber.ToString(CultureInfo.InvariantCulture),
            text.BlockHashLabel + landing.BlockHash,
            text.BlockTimeLabel + FormatBlockTime(landing.BlockTime, text),
        ]);
    }

    /// <summary>
    /// A token that verified: its time first, then whose time it is. A token of the operator's own TSA says
    /// so on the line after the time, so the time is never read without it.
    /// </summary>
    private static void WriteTimestamp(TextWriter writer, ReportText text, ReceiptTimestamp timestamp)
    {
        VerifiedTimestamp token = timestamp.Token;
        string? accuracySeconds = token.Accuracy?.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
        WriteSection(writer, text.TimestampHeading,
        [
            text.GenTimeLabel + token.GenTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + text.Accuracy(accuracySeconds),
            text.TimeSourceLabel + (token.IsOperatorTsa ? text.OperatorTsa : text.IndependentTsa),
            text.TsaNameLabel + token.TsaName,
            text.TsaCertificateLabel + token.TsaCertificateSha256,
            text.StampedTreeSizeLabel + timestamp.TreeSize.ToString(CultureInfo.InvariantCulture),
            text.AuthorityLabel + timestamp.Authority,
        ]);
    }

    private static string FormatCanonical(ReportText text, CanonicalityReport canonicality, EvmAnchorSection anchor)
    {
        ChainFinality finality = canonicality.Finality!;
        ulong blockNumber = anchor.Landing!.BlockNumber;
        return finality.Finalized is ChainBlock finalized
            ? text.CanonicalAtFinalized(canonicality.Endpoint, canonicality.ChainId, blockNumber, finalized.Number)
            : text.CanonicalAtDepth(canonicality.Endpoint, canonicality.ChainId, blockNumber, finality.Head!.Number, finality.DepthMin);
    }

    private static string FormatSigner(NoteVerifier key) => $"{key.AlgorithmName,-8} {key.Fingerprint}";
}
