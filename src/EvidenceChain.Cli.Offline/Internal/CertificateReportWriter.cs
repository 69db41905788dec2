using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Writes <c>verify</c>'s report on a certificate PDF the way <see cref="ReportWriter"/> writes it on a receipt:
/// the verdict first, then the certificate's number, its signature (who signed, and whether that signer was
/// checked against the verifier's own signing roots), its record in the log, what was examined, and then the
/// receipt behind it with <see cref="ReportWriter"/>'s own sections. The checks passed are the certificate's in
/// the verifier's order around the receipt's. Sections verification did not reach are left out, and so is a
/// record that names another PDF: it is not this certificate's.
/// </summary>
internal static class CertificateReportWriter
{
    /// <summary>The whole report; <paramref name="canonicality"/> is what the chain node said about the receipt's proven anchors, or null when no node was asked.</summary>
    public static void Write(
        TextWriter writer,
        ReportText text,
        CertificateReportText certificateText,
        VerifyInputs inputs,
        CertificateReport report,
        CanonicalityReport? canonicality)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(certificateText);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine(certificateText.Title);
        ReportWriter.WriteVerdict(writer, text, report.Verdict, inputs.ContentMatchesSaltFile, canonicality);
        // A record is this certificate's only once it names this PDF, which a receipt report behind it shows.
        bool recordIsThisPdfs = report.Receipt is not null;
        if (recordIsThisPdfs && report.CertificateId is string certificateId)
        {
            ReportWriter.WriteSection(writer, certificateText.CertificateHeading, [certificateText.CertificateIdLabel + certificateId]);
        }

        if (report.Signer is X509Certificate signer)
        {
            ReportWriter.WriteSection(writer, certificateText.SignatureHeading,
            [
                certificateText.SignerLabel + signer.SubjectDN,
                certificateText.SignerCertificateLabel + TimestampTokenVerifier.Sha256Hex(signer),
                certificateText.SignerTrustLabel + SignerTrust(certificateText, inputs, report),
            ]);
        }

        if (recordIsThisPdfs && report is { RecordCheckpoint: Checkpoint checkpoint, RecordLeafIndex: ulong leafIndex, IssuedAtMs: long issuedAtMs })
        {
            ReportWriter.WriteSection(writer, certificateText.RecordHeading,
            [
                text.OriginLabel + checkpoint.Origin,
                text.LeafIndexLabel + leafIndex.ToString(CultureInfo.InvariantCulture),
                text.TreeSizeLabel + checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture),
                text.RootLabel + checkpoint.Root.ToBase64(),
                certificateText.IssuedAtLabel + ReportWriter.FormatTime(issuedAtMs, text),
            ]);
        }

        ReportWriter.WriteInputs(writer, text, inputs);
        ReceiptReport? receipt = report.Receipt;
        if (receipt is not null)
        {
            ReportWriter.WriteFacts(writer, text, certificateText.DepositHeading, receipt, receipt.Depositor?.KeyFingerprint);
            ReportWriter.WriteAnchorsAndTimestamps(writer, text, receipt);
        }

        ReportWriter.WriteSection(writer, text.ChecksHeading, PassedLines(text, certificateText, report, canonicality));
        if (receipt is not null)
        {
            ReportWriter.WriteSigners(writer, text, receipt);
        }

        ReportWriter.WriteSection(writer, text.NotCheckedHeading, NotCheckedLines(text, certificateText, inputs, report, canonicality));
    }

    private static string SignerTrust(CertificateReportText certificateText, VerifyInputs inputs, CertificateReport report) =>
        report.SignerChecked ? certificateText.SignerChecked
        : inputs.SigningRootPaths is not { Count: > 0 } ? certificateText.SignerNotGiven
        : report.Verdict.Failure == VerificationFailure.CertificateSignerNotTrusted ? certificateText.SignerNotTrusted
        : certificateText.SignerNotReached;

    /// <summary>
    /// The certificate's checks in the verifier's order, the receipt's in between. What passed is read off how far
    /// the report got: a signer means the signature held; a receipt report means the record named this PDF.
    /// </summary>
    private static List<string> PassedLines(ReportText text, CertificateReportText certificateText, CertificateReport report, CanonicalityReport? canonicality)
    {
        var passed = new List<string>();
        if (report.Signer is not null)
        {
            passed.Add("✓ " + certificateText.SignatureValid);
        }

        if (report.Receipt is ReceiptReport receipt)
        {
            passed.Add("✓ " + certificateText.Recorded);
            passed.AddRange(ReportWriter.PassedLines(text, receipt, canonicality));
        }

        if (report.IsValid || report.Verdict.Failure == VerificationFailure.CertificateSignerNotTrusted)
        {
            passed.Add("✓ " + certificateText.SameDeposit);
        }

        if (report.SignerChecked)
        {
            passed.Add("✓ " + certificateText.SignerTrusted);
        }

        return passed;
    }

    private static List<string> NotCheckedLines(ReportText text, CertificateReportText certificateText, VerifyInputs inputs, CertificateReport report, CanonicalityReport? canonicality)
    {
        var notChecked = new List<string>();
        if (report.Signer is not null && inputs.SigningRootPaths is not { Count: > 0 })
        {
            notChecked.Add("- " + certificateText.SignerNotCheckedItem);
        }

        if (report.Receipt is ReceiptReport receipt)
        {
            notChecked.AddRange(ReportWriter.NotCheckedLines(text, receipt, canonicality, inputs.RpcEndpoint, report.IsValid));
        }

        if (report.Signer is not null)
        {
            notChecked.Add("- " + certificateText.PageTextNotRead);
        }

        return notChecked;
    }
}
