using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Writes the verification report for a reader who is not a cryptographer: the verdict first, then
/// what was examined, the facts the receipt establishes, every check that passed, who signed, and
/// plainly what was not checked. Sections with nothing to say are left out; a blank line
/// comes before each section.
/// </summary>
internal static class ReportWriter
{
    private const string Indent = "  ";

    public static void Write(TextWriter writer, ReportText text, VerifyInputs inputs, ReceiptReport report, Digest? depositorFingerprint)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine(text.Title);
        WriteVerdict(writer, text, inputs, report.Verdict);
        WriteInputs(writer, text, inputs);
        WriteFacts(writer, text, report, depositorFingerprint);
        WriteSection(writer, text.ChecksHeading, report.Passed.Select(check => "✓ " + text.Check(check)));
        WriteSection(writer, text.SignersHeading, report.SignedBy.Select(FormatSigner));
        WriteSection(writer, text.NotCheckedHeading, report.NotChecked.Select(entry => "- " + text.Unchecked(entry.Item, entry.Detail)));
    }

    /// <summary>An acceptance time as ISO 8601 UTC with milliseconds, the precision the leaf records.</summary>
    public static string FormatTime(long unixMs, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return unixMs is >= 0 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : text.TimeOutOfRange(unixMs);
    }

    private static void WriteVerdict(TextWriter writer, ReportText text, VerifyInputs inputs, Verdict verdict)
    {
        writer.WriteLine();
        writer.WriteLine(text.VerdictLabel + (verdict.IsValid ? text.Valid : text.Invalid));
        if (!verdict.IsValid)
        {
            // The stable failure name goes beside the sentence, so an expert can look it up in the format docs.
            writer.WriteLine($"{text.ReasonLabel}{text.Failure(verdict.Failure)} [{verdict.Failure}]");
            writer.WriteLine(text.DetailLabel + verdict.Detail);
            if (verdict.Failure is VerificationFailure.CommitmentMismatch or VerificationFailure.UnitCountMismatch)
            {
                writer.WriteLine(text.HintLabel + (inputs.ContentMatchesSaltFile ? text.ContentMatchesSaltFile : text.ContentDiffersFromSaltFile));
            }

            writer.WriteLine(text.Stopped);
        }
    }

    private static void WriteInputs(TextWriter writer, ReportText text, VerifyInputs inputs)
    {
        WriteSection(writer, text.InputsHeading,
        [
            text.ReceiptFileLabel + inputs.ReceiptPath,
            (inputs.ContentIsDirectory ? text.ContentDirectoryLabel : text.ContentFileLabel) + inputs.ContentPath,
            text.SaltFileLabel + inputs.SaltFilePath,
            text.TrustedKeys(inputs.TrustedKeys.Keys.Count, string.Join(", ", inputs.TrustedKeys.Sources)),
        ]);
    }

    private static void WriteFacts(TextWriter writer, ReportText text, ReceiptReport report, Digest? depositorFingerprint)
    {
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

        WriteSection(writer, text.FactsHeading, facts);
    }

    private static string FormatSigner(NoteVerifier key) => $"{key.AlgorithmName,-8} {key.Fingerprint}";

    private static void WriteSection(TextWriter writer, string heading, IEnumerable<string> lines)
    {
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
}
