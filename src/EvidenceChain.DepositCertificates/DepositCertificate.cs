using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.DepositCertificates;

/// <summary>
/// What a deposit certificate states, taken from a receipt that verified and from the particulars the
/// receipt cannot prove. It exists only through <see cref="Verify"/>, which verifies the receipt first,
/// so no certificate can be drawn for a receipt that failed. It holds commitments, never content.
/// </summary>
public sealed class DepositCertificate
{
    private DepositCertificate(ReceiptReport report, Digest depositId, CertificateParticulars particulars)
    {
        Report = report;
        DepositId = depositId;
        Particulars = particulars;
        CertificateId = CertificateRecord.CertificateIdOf(depositId);
    }

    /// <summary>The certificate's number (<see cref="CertificateRecord.CertificateIdOf"/>).</summary>
    public string CertificateId { get; }

    /// <summary>The deposit id: the leaf hash (receipt.md), the name the notary's service knows the deposit by.</summary>
    public Digest DepositId { get; }

    /// <summary>The verification the certificate is drawn from; always valid.</summary>
    public ReceiptReport Report { get; }

    public CertificateParticulars Particulars { get; }

    public Checkpoint Checkpoint => Report.Checkpoint!;

    public DepositLeaf Deposit => Report.Deposit!;

    public ulong LeafIndex => Report.LeafIndex!.Value;

    /// <summary>
    /// Verifies <paramref name="receiptJson"/> exactly as <c>verify</c> does and, when it is valid, makes the
    /// certificate. An invalid receipt gives its report and no certificate.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="particulars"/> cannot go on a certificate (<see cref="CertificateParticulars.Problem"/>).</exception>
    public static CertificateVerification Verify(
        string receiptJson,
        IReadOnlyList<NoteVerifier> trustedKeys,
        DepositEvidence? evidence,
        TimestampTrust? timestampTrust,
        CertificateParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(receiptJson);
        ArgumentNullException.ThrowIfNull(particulars);
        if (particulars.Problem() is string problem)
        {
            throw new ArgumentException(problem, nameof(particulars));
        }

        ReceiptReport report = ReceiptVerifier.Verify(receiptJson, trustedKeys, evidence, timestampTrust);
        if (!report.IsValid)
        {
            return new CertificateVerification(report, null);
        }

        Digest depositId = CertificateVerifier.DepositIdOf(receiptJson, report.Checkpoint!.Origin.TreeHash);
        return new CertificateVerification(report, new DepositCertificate(report, depositId, particulars));
    }
}
