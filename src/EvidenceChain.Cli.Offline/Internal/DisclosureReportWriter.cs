using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Writes the <c>verify-disclosure</c> report the way <see cref="ReportWriter"/> writes <c>verify</c>'s:
/// the verdict first (with the stable failure name beside the sentence), then, when valid, what is
/// proven in one sentence a judge can quote, the disclosed units, what was examined, the deposit's facts,
/// every check that passed (the receipt's, then each unit's), who signed, and what was not checked,
/// the undisclosed units included. The receipt's parts use <see cref="ReportText"/>, so they read as in
/// <c>verify</c>.
/// </summary>
internal static class DisclosureReportWriter
{
    private const string Indent = "  ";

    /// <summary>
    /// The whole report. <paramref name="report"/> is null when the package could not be read, so
    /// nothing was verified; <paramref name="verdict"/> then says why.
    /// </summary>
    public static void Write(
        TextWriter writer,
        ReportText text,
        DisclosureText disclosureText,
        DisclosureInputs inputs,
        DisclosureVerdict verdict,
        Disclosure? disclosure,
        DisclosureReport? report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(disclosureText);
        ArgumentNullException.ThrowIfNull(inputs);
        writer.WriteLine(disclosureText.Title);
        WriteVerdict(writer, text, disclosureText, verdict, report);
        if (report is { IsValid: true, Deposit: DepositLeaf deposit, Receipt: { Checkpoint: Checkpoint checkpoint, LeafIndex: ulong leafIndex } })
        {
            WriteSection(writer, disclosureText.ProvenHeading,
            [
                disclosureText.Proven(report.ProvenUnits.Count, deposit.UnitCount, ReportWriter.FormatTime(deposit.ReceivedAtMs, text), leafIndex, checkpoint.Origin.ToString()),
            ]);
        }

        if (disclosure is not null)
        {
            WriteSection(writer, disclosureText.UnitsHeading, disclosure.Units.Select(u =>
                disclosureText.Unit(u.Index, u.Unit.Path, u.Unit.OffsetBytes, u.Unit.LengthBytes, u.ContentFile)));
        }

        WriteSection(writer, text.InputsHeading,
        [
            disclosureText.PackageFileLabel + inputs.PackagePath,
            disclosureText.ContentDirectoryLabel + inputs.ContentDirectory,
            text.TrustedKeys(inputs.TrustedKeys.Keys.Count, string.Join(", ", inputs.TrustedKeys.Sources)),
        ]);
        if (report is null)
        {
            return;
        }

        WriteFacts(writer, text, report.Receipt);
        var passed = report.Receipt.Passed.Select(check => "✓ " + text.Check(check)).ToList();
        passed.AddRange(report.ProvenUnits.Select(u => "✓ " + disclosureText.UnitProven(u.Index, u.Unit.Path)));
        WriteSection(writer, text.ChecksHeading, passed);
        WriteSection(writer, text.SignersHeading, report.Receipt.SignedBy.Select(FormatSigner));

        // The content is checked unit by unit here, so the receipt's "no content given" does not apply;
        // what does is that the other units were not disclosed.
        var notChecked = report.Receipt.NotChecked
            .Where(entry => entry.Item != UncheckedItem.Content)
            .Select(entry => "- " + text.Unchecked(entry.Item, entry.Detail))
            .ToList();
        if (report.Deposit is DepositLeaf leaf && disclosure is not null && leaf.UnitCount > (uint)disclosure.Units.Count)
        {
            notChecked.Insert(0, "- " + disclosureText.OtherUnitsNotDisclosed(leaf.UnitCount - (long)disclosure.Units.Count));
        }

        WriteSection(writer, text.NotCheckedHeading, notChecked);
    }

    private static void WriteVerdict(TextWriter writer, ReportText text, DisclosureText disclosureText, DisclosureVerdict verdict, DisclosureReport? report)
    {
        writer.WriteLine();
        writer.WriteLine(text.VerdictLabel + (verdict.IsValid ? text.Valid : text.Invalid));
        if (verdict.IsValid)
        {
            return;
        }

        if (verdict.Failure == DisclosureFailure.ReceiptInvalid && report is not null)
        {
            // The receipt's own reason, as verify prints it, so the same fault reads the same in both reports.
            Core.Proofs.Verdict receiptVerdict = report.Receipt.Verdict;
            writer.WriteLine($"{text.ReasonLabel}{disclosureText.ReceiptFailed(text.Failure(receiptVerdict.Failure))} [{receiptVerdict.Failure}]");
            writer.WriteLine(text.DetailLabel + receiptVerdict.Detail);
        }
        else
        {
            writer.WriteLine($"{text.ReasonLabel}{disclosureText.Failure(verdict.Failure)} [{verdict.Failure}]");
            writer.WriteLine(text.DetailLabel + verdict.Detail);
        }

        writer.WriteLine(text.Stopped);
    }

    private static void WriteFacts(TextWriter writer, ReportText text, ReceiptReport report)
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
            facts.Add(text.ReceivedAtLabel + ReportWriter.FormatTime(deposit.ReceivedAtMs, text));
            facts.Add(text.ContentKindLabel + text.Kind(deposit.Kind));
            facts.Add(text.UnitCountLabel + deposit.UnitCount.ToString(CultureInfo.InvariantCulture));
        }

        if (report.Checkpoint is not null)
        {
            facts.Add(text.RootLabel + report.Checkpoint.Root.ToBase64());
        }

        if (report.Depositor is DepositorOpening depositor)
        {
            facts.Add(text.DepositorLabel + depositor.KeyFingerprint.ToHex());
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
