using CsCheck;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Tests.DepositCertificates;

/// <summary>
/// The certificate record's 128 bytes (formats/certificate-proof.md) decode to what encodes them, any other length is
/// refused with a reason, and the proof file's form is exactly three members.
/// </summary>
public sealed class CertificateRecordTests
{
    [Fact]
    public void Record_AnyBytesOfTheLength_DecodeAndEncodeBackExactly()
    {
        Gen.Byte.Array[CertificateRecord.LengthBytes].Sample(bytes =>
        {
            Assert.True(CertificateRecord.TryDecode(bytes, out CertificateRecord? record, out string reason), reason);
            Assert.Equal(bytes, record!.Encode());
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CertificateRecord.LengthBytes - 1)]
    [InlineData(CertificateRecord.LengthBytes + 1)]
    public void Record_OtherLength_IsRefusedWithTheLengths(int length)
    {
        Assert.False(CertificateRecord.TryDecode(new byte[length], out CertificateRecord? record, out string reason));
        Assert.Null(record);
        Assert.Equal($"a certificate record has 128 bytes, this one {length}", reason);
    }

    [Fact]
    public void Record_Of_NamesTheDepositAndThePdfsTwoDigests_WithAFreshNonce()
    {
        byte[] pdf = "%PDF-1.7 not really"u8.ToArray();
        Digest deposit = Digest.FromHex(new string('a', 64));
        CertificateRecord first = CertificateRecord.Of(deposit, pdf, System.Security.Cryptography.RandomNumberGenerator.Fill);
        CertificateRecord second = CertificateRecord.Of(deposit, pdf, System.Security.Cryptography.RandomNumberGenerator.Fill);

        Assert.Equal(deposit, first.DepositId);
        Assert.Equal(Digest.Read(System.Security.Cryptography.SHA256.HashData(pdf)), first.Pdf.Sha256);
        Assert.Equal(Sm3.HashData(pdf), first.Pdf.Sm3);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.Equal("ECDC-AAAA-AAAA-AAAA-AAAA", CertificateRecord.CertificateIdOf(deposit));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"format":"evidencechain-certificate-proof/v2","receipt":{},"statement":{}}""")]
    [InlineData("""{"format":"evidencechain-certificate-proof/v1","receipt":"{}","statement":{}}""")]
    [InlineData("""{"format":"evidencechain-certificate-proof/v1","receipt":{},"statement":{},"pdf":""}""")]
    [InlineData("""{"format":"evidencechain-certificate-proof/v1","receipt":{},"statement":{"format":"evidencechain-record-statement/v1"}}""")]
    [InlineData("""{"format":"evidencechain-certificate-proof/v1","receipt":{},"receipt":{},"statement":{}}""")]
    public void Proof_NotTheFormat_IsMalformed(string json)
    {
        Verdict verdict = CertificateProof.TryParse(json, out CertificateProof? proof);

        Assert.Equal(VerificationFailure.MalformedCertificateProof, verdict.Failure);
        Assert.Null(proof);
    }
}
