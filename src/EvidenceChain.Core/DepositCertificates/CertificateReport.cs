using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// The outcome of verifying a certificate PDF with its proof: the verdict and the facts as far as verification
/// got: the signer, whether it was checked against trusted signing roots, the certificate's record and where the
/// log holds it, and the report on the receipt behind it.
/// </summary>
public sealed record CertificateReport(
    Verdict Verdict,
    X509Certificate? Signer,
    bool SignerChecked,
    CertificateRecord? Record,
    ulong? RecordLeafIndex,
    long? IssuedAtMs,
    Checkpoint? RecordCheckpoint,
    ReceiptReport? Receipt)
{
    public bool IsValid => Verdict.IsValid;

    /// <summary>The certificate's number, once its record is read.</summary>
    public string? CertificateId => Record is null ? null : CertificateRecord.CertificateIdOf(Record.DepositId);
}
