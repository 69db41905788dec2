using EvidenceChain.Core.Proofs;
using EvidenceChain.DepositCertificates.Tests.Support;

namespace EvidenceChain.DepositCertificates.Tests;

/// <summary>A certificate exists only for a receipt that verified, with particulars that fit on the page.</summary>
public sealed class DepositCertificateTests
{
    [Theory]
    [InlineData("invalid-flipped-proof-bit.receipt.json", VerificationFailure.RootMismatch)]
    [InlineData("invalid-token-untrusted-tsa.receipt.json", VerificationFailure.TimestampUntrustedTsa)]
    public void Verify_InvalidReceipt_GivesNoCertificate(string receipt, VerificationFailure failure)
    {
        CertificateVerification verification = DepositCertificate.Verify(
            ReceiptVectors.Read(receipt), ReceiptVectors.LogKeys(), ReceiptVectors.Evidence(), ReceiptVectors.Trust(), new CertificateParticulars([]));
        Assert.Null(verification.Certificate);
        Assert.Equal(failure, verification.Report.Verdict.Failure);
    }

    [Fact]
    public void Verify_TooManyDeclaredFiles_Throws()
    {
        var files = Enumerable.Range(0, CertificateParticulars.DeclaredFileCountMax + 1).Select(i => new DeclaredFile($"f{i}", 1)).ToList();
        Assert.Throws<ArgumentException>(() => DepositCertificate.Verify(
            ReceiptVectors.Read(ReceiptVectors.EveryProof), ReceiptVectors.LogKeys(), null, null, new CertificateParticulars(files)));
    }
}
