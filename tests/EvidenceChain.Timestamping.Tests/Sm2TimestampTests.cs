using System.Text;
using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>
/// The SM2 variant. <c>openssl ts -verify</c> (3.0) cannot check it: it has no way to pass an SM2 user ID,
/// verifies SM2 signatures with an empty one, and so fails on the certificate signature already (BouncyCastle
/// and GM/T 0015 use 1234567812345678). The round trip is therefore ours alone, with the signature checked
/// independently of our verifier here, and OpenSSL used only where it takes the ID: <c>openssl verify -vfyopt distid:</c>.
/// </summary>
public sealed class Sm2TimestampTests : IDisposable
{
    private static readonly byte[] s_data = "国家标准算法"u8.ToArray();

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Stamp_Sm2Tsa_SignsWithSm2Sm3AndBindsTheCertificateWithSm3()
    {
        TestPki pki = TestPki.Fixed(TsaKeyAlgorithm.Sm2);

        byte[] token = TestTsa.Stamp(TestTsa.Create(pki), s_data, TestPki.FixedNow, TimestampHash.Sm3);

        SignerInformation signer = new CmsSignedData(token).GetSignerInfos().GetSigners()[0];
        Assert.Equal(GMObjectIdentifiers.sm2sign_with_sm3, signer.SignatureAlgorithm.Algorithm);
        Assert.Equal(GMObjectIdentifiers.sm3, signer.DigestAlgorithmID.Algorithm);
        var binding = Org.BouncyCastle.Asn1.Ess.SigningCertificateV2.GetInstance(
            signer.SignedAttributes[Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdAASigningCertificateV2].AttrValues[0]);
        Assert.Equal(GMObjectIdentifiers.sm3, binding.GetCerts()[0].HashAlgorithm.Algorithm);
        Assert.True(pki.Verifier().Verify(token, TimestampImprint.Compute(TimestampHash.Sm3, s_data)).IsValid);
    }

    [Theory]
    [InlineData("1234567812345678", true)]
    [InlineData("", false)]
    [InlineData("evidencechain", false)]
    public void Signature_CheckedWithBouncyCastleSm2Signer_VerifiesOnlyUnderTheGmT0009DefaultUserId(string userId, bool verifies)
    {
        TestPki pki = TestPki.Fixed(TsaKeyAlgorithm.Sm2);
        byte[] token = TestTsa.Stamp(TestTsa.Create(pki), s_data, TestPki.FixedNow, TimestampHash.Sm3);
        SignerInformation signer = new CmsSignedData(token).GetSignerInfos().GetSigners()[0];

        var sm2 = new SM2Signer(new SM3Digest());
        sm2.Init(false, new ParametersWithID(pki.Tsa.Certificate.GetPublicKey(), Encoding.ASCII.GetBytes(userId)));
        byte[] signed = signer.GetEncodedSignedAttributes();
        sm2.BlockUpdate(signed, 0, signed.Length);

        Assert.Equal(verifies, sm2.VerifySignature(signer.GetSignature()));
    }

    [Fact]
    public void OpenSslVerify_Sm2Chain_AcceptedOnlyWithTheUserIdGiven()
    {
        TestPki pki = TestPki.Current(TsaKeyAlgorithm.Sm2);
        _directory.Write("root.pem", pki.Root.CertificatePem);
        _directory.Write("tsa.pem", pki.Tsa.CertificatePem);

        string verified = OpenSsl.Succeed(_directory.Path, "verify", "-vfyopt", "distid:1234567812345678", "-CAfile", "root.pem", "tsa.pem");
        (int exitCode, string output) = OpenSsl.Run(_directory.Path, "verify", "-CAfile", "root.pem", "tsa.pem");

        Assert.Contains("tsa.pem: OK", verified, StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("certificate signature failure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Sm2TokenAgainstAnEcdsaRootOfTheSameName_UntrustedTsa()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(TestPki.Fixed(TsaKeyAlgorithm.Sm2)), s_data, TestPki.FixedNow, TimestampHash.Sm3);

        TimestampVerdict verdict = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256).Verifier().Verify(token, TimestampImprint.Compute(TimestampHash.Sm3, s_data));

        Assert.Equal(TimestampFailure.UntrustedTsa, verdict.Failure);
    }
}
