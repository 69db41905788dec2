using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// Verifies a deposit certificate PDF with its proof (docs/deposit-certificate.md §Verify a certificate), in this
/// order: the PDF's PAdES signature; the proof's form; the certificate's record in the log (the statement verifies
/// under the trusted keys and its one record names this PDF's SHA-256 and SM3); the receipt behind it, exactly as
/// <c>verify</c> checks a receipt; both in one log; the record names the receipt's deposit; and, when signing roots
/// are given, the signer's certificate is one of them or issued by one and valid when the record was made.
/// </summary>
public static class CertificateVerifier
{
    /// <param name="pdf">The certificate PDF's bytes, as kept.</param>
    /// <param name="proofJson">Its proof file (<see cref="CertificateProof"/>).</param>
    /// <param name="trustedKeys">The log's verifier keys, from the verifier's own configuration.</param>
    /// <param name="evidence">The depositor's evidence, to tie the receipt to it, or null.</param>
    /// <param name="timestampTrust">TSA roots for the receipt's tokens, or null: tokens not checked.</param>
    /// <param name="signingRoots">Certificates trusted to issue the notary's signing certificate (or to be it), or empty: not checked.</param>
    /// <exception cref="ArgumentException">The PDF is longer than <see cref="CertificateSignatureCheck.PdfLengthBytesMax"/>.</exception>
    public static CertificateReport Verify(
        ReadOnlySpan<byte> pdf,
        string proofJson,
        IReadOnlyList<NoteVerifier> trustedKeys,
        DepositEvidence? evidence,
        TimestampTrust? timestampTrust,
        IReadOnlyList<X509Certificate> signingRoots)
    {
        ArgumentNullException.ThrowIfNull(proofJson);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        ArgumentNullException.ThrowIfNull(signingRoots);
        var report = new CertificateReport(Verdict.Valid, null, false, null, null, null, null, null);
        CertificateSignatureVerification signature = CertificateSignatureCheck.Verify(pdf);
        if (!signature.IsValid)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.CertificateSignatureInvalid, $"the PDF's signature does not verify ({signature.Status}): it was changed after signing, or never signed") };
        }

        report = report with { Signer = signature.SignerCertificate };
        Verdict verdict = CertificateProof.TryParse(proofJson, out CertificateProof? proof);
        if (!verdict.IsValid)
        {
            return report with { Verdict = verdict };
        }

        verdict = proof!.Statement.Verify(trustedKeys, LeafType.Certificate, out VerifiedCheckpoint? recordCheckpoint, out IReadOnlyList<RecordLeaf> leaves);
        if (!verdict.IsValid)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.CertificateNotRecorded, "the certificate's record is not proven in the log: " + verdict.Detail) };
        }

        if (leaves.Count != 1 || leaves[0].RecordSchema != CertificateRecord.Schema)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.MalformedCertificateProof, $"the statement holds {leaves.Count} records; a certificate's holds its own record (schema {CertificateRecord.Schema}) alone") };
        }

        if (!CertificateRecord.TryDecode(proof.Statement.Entries[0].Record, out CertificateRecord? record, out string reason))
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.MalformedCertificateProof, reason) };
        }

        report = report with
        {
            Record = record,
            RecordLeafIndex = proof.Statement.Entries[0].LeafIndex,
            IssuedAtMs = leaves[0].RecordedAtMs,
            RecordCheckpoint = recordCheckpoint!.Checkpoint,
        };
        DigestPair digests = CertificateRecord.DigestsOf(pdf);
        if (record!.Pdf != digests)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.CertificateNotRecorded, $"the log records a certificate PDF with SHA-256 {record.Pdf.Sha256}, not this one ({digests.Sha256}): this PDF is not the one the notary issued") };
        }

        ReceiptReport receipt = ReceiptVerifier.Verify(proof.ReceiptJson, trustedKeys, evidence, timestampTrust);
        report = report with { Receipt = receipt };
        if (!receipt.IsValid)
        {
            return report with { Verdict = Verdict.Fail(receipt.Verdict.Failure, "the receipt behind the certificate: " + receipt.Verdict.Detail) };
        }

        if (receipt.Checkpoint!.Origin != recordCheckpoint.Checkpoint.Origin)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.CertificateOfAnotherLog, $"the receipt is of the log {receipt.Checkpoint.Origin}, the certificate's record of {recordCheckpoint.Checkpoint.Origin}") };
        }

        Digest depositId = DepositIdOf(proof.ReceiptJson, receipt.Checkpoint.Origin.TreeHash);
        if (record.DepositId != depositId)
        {
            return report with { Verdict = Verdict.Fail(VerificationFailure.CertificateOfAnotherDeposit, $"the certificate was issued for deposit {record.DepositId}, the receipt is of deposit {depositId}") };
        }

        if (signingRoots.Count == 0)
        {
            return report;
        }

        DateTime issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(leaves[0].RecordedAtMs).UtcDateTime;
        return CertificatePaths.Problem(signature.SignerCertificate!, [.. signingRoots], issuedAt) is string problem
            ? report with { Verdict = Verdict.Fail(VerificationFailure.CertificateSignerNotTrusted, "the signer is not trusted: " + problem) }
            : report with { SignerChecked = true };
    }

    /// <summary>The deposit id (leaf hash) of a receipt that verified.</summary>
    public static Digest DepositIdOf(string verifiedReceiptJson, TreeHash treeHash)
    {
        if (!Receipt.TryParse(verifiedReceiptJson, out Receipt? receipt).IsValid || !TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof).IsValid)
        {
            throw new ArgumentException("The receipt does not parse; verify it first.", nameof(verifiedReceiptJson));
        }

        using MerkleHasher hasher = MerkleHasher.Create(treeHash);
        return hasher.HashLeaf(proof!.Leaf);
    }
}
