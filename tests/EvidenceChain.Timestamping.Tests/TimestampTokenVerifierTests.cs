using System.Text;
using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>Each rule of the verifier, broken on its own, and the time rule: certificates are judged at genTime, never at "now".</summary>
public sealed class TimestampTokenVerifierTests
{
    private static readonly byte[] s_data = "evidence"u8.ToArray();
    private static readonly TimestampImprint s_imprint = TimestampImprint.Compute(TimestampHash.Sha256, s_data);

    /// <summary>A TSA whose certificate lived through 2020 alone and a root until 2028: long expired by any real clock running these tests.</summary>
    private static readonly Lazy<TestPki> s_expired = new(() => TestPki.Create(
        TsaKeyAlgorithm.EcdsaP256, new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), "Expired"));

    private readonly TestPki _pki = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256);

    [Fact]
    public void Verify_TokenIssuedWhileTheNowExpiredCertificateWasValid_IsValid()
    {
        DateTimeOffset issuedAt = new(2020, 6, 1, 9, 30, 0, TimeSpan.Zero);
        byte[] token = TestTsa.Stamp(TestTsa.Create(s_expired.Value), s_data, issuedAt);

        TimestampVerdict verdict = s_expired.Value.Verifier().Verify(token, s_imprint);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(issuedAt, verdict.Timestamp.GenTime);
    }

    [Theory]
    [InlineData("2021-01-01T00:00:01Z")]
    [InlineData("2019-12-31T23:59:59Z")]
    public void Verify_GenTimeOutsideTheCertificateValidity_NotValidAtGenTime(string genTime)
    {
        IssuedCertificate tsa = s_expired.Value.Tsa;
        byte[] token = ForgedTokens.Sign(tsa, DateTimeOffset.Parse(genTime, System.Globalization.CultureInfo.InvariantCulture), s_imprint, tsa.Certificate);

        TimestampVerdict verdict = s_expired.Value.Verifier().Verify(token, s_imprint);

        Assert.Equal(TimestampFailure.NotValidAtGenTime, verdict.Failure);
        Assert.Contains("CN=Expired TSA", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ForgedTokenInsideTheValidity_IsValid()
    {
        // The forger itself makes good tokens, so the failures above and below come from the one thing changed.
        IssuedCertificate tsa = s_expired.Value.Tsa;
        byte[] token = ForgedTokens.Sign(tsa, new(2020, 12, 31, 23, 59, 59, TimeSpan.Zero), s_imprint, tsa.Certificate);

        Assert.True(s_expired.Value.Verifier().Verify(token, s_imprint).IsValid);
    }

    public static TheoryData<string, KeyPurposeID[], bool> WrongUsages => new()
    {
        { "timeStamping, not critical", [KeyPurposeID.id_kp_timeStamping], false },
        { "timeStamping and serverAuth", [KeyPurposeID.id_kp_timeStamping, KeyPurposeID.id_kp_serverAuth], true },
        { "serverAuth alone", [KeyPurposeID.id_kp_serverAuth], true },
        { "no extended key usage", [], true },
    };

    [Theory]
    [MemberData(nameof(WrongUsages))]
    public void Verify_SignerWithoutCriticalTimeStampingAlone_WrongExtendedKeyUsage(string what, KeyPurposeID[] purposes, bool critical)
    {
        IssuedCertificate tsa = TsaCertificates.IssueTsa(_pki.Root, TsaKeyAlgorithm.EcdsaP256, "Wrong TSA", new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), TestPki.Random, purposes, critical);
        byte[] token = ForgedTokens.Sign(tsa, TestPki.FixedNow, s_imprint, tsa.Certificate);

        TimestampVerdict verdict = _pki.Verifier().Verify(token, s_imprint);

        Assert.True(verdict.Failure == TimestampFailure.WrongExtendedKeyUsage, $"{what}: {verdict}");
        Assert.Throws<ArgumentException>(() => TsaCredential.Create(tsa.PrivateKey, tsa.Certificate));
    }

    [Fact]
    public void Verify_BindingNamesAnotherCertificate_CertificateBindingMismatch()
    {
        byte[] token = ForgedTokens.Sign(_pki.Tsa, TestPki.FixedNow, s_imprint, _pki.Root.Certificate);

        Assert.Equal(TimestampFailure.CertificateBindingMismatch, _pki.Verifier().Verify(token, s_imprint).Failure);
    }

    [Fact]
    public void Verify_NoSigningCertificateAttribute_CertificateBindingMismatch()
    {
        byte[] token = ForgedTokens.Sign(_pki.Tsa, TestPki.FixedNow, s_imprint, boundCertificate: null);

        TimestampVerdict verdict = _pki.Verifier().Verify(token, s_imprint);

        Assert.Equal(TimestampFailure.CertificateBindingMismatch, verdict.Failure);
        Assert.Contains("no signing-certificate attribute", verdict.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TsaKeyAlgorithm.EcdsaP256)]
    [InlineData(TsaKeyAlgorithm.Rsa)]
    [InlineData(TsaKeyAlgorithm.Sm2)]
    public void Verify_GenTimeChangedInsideTheSignedContent_BadSignature(TsaKeyAlgorithm algorithm)
    {
        TestPki pki = TestPki.Fixed(algorithm);
        byte[] token = TestTsa.Stamp(TestTsa.Create(pki), s_data, TestPki.FixedNow);
        int at = IndexOf(token, "20260601120000"u8);
        token[at + 9] = (byte)'3';

        TimestampVerdict verdict = pki.Verifier().Verify(token, s_imprint);

        Assert.Equal(TimestampFailure.BadSignature, verdict.Failure);
    }

    [Theory]
    [InlineData(TsaKeyAlgorithm.EcdsaP256)]
    [InlineData(TsaKeyAlgorithm.Rsa)]
    [InlineData(TsaKeyAlgorithm.Sm2)]
    public void Verify_SignatureValueBitFlipped_BadSignature(TsaKeyAlgorithm algorithm)
    {
        TestPki pki = TestPki.Fixed(algorithm);
        byte[] token = TestTsa.Stamp(TestTsa.Create(pki), s_data, TestPki.FixedNow);
        byte[] signature = new Org.BouncyCastle.Cms.CmsSignedData(token).GetSignerInfos().GetSigners()[0].GetSignature();
        // The middle of the value: inside r for an (EC)DSA signature, so its DER stays well formed.
        int at = IndexOf(token, signature) + 16;
        token[at] ^= 0x01;

        Assert.Equal(TimestampFailure.BadSignature, pki.Verifier().Verify(token, s_imprint).Failure);
    }

    [Fact]
    public void Verify_AnotherRoot_UntrustedTsa()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);
        TestPki sameNamesOtherKeys = TestPki.Create(TsaKeyAlgorithm.EcdsaP256, new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        TimestampVerdict verdict = sameNamesOtherKeys.Verifier().Verify(token, s_imprint);

        Assert.Equal("CN=Test Root CA", sameNamesOtherKeys.Root.Certificate.SubjectDN.ToString());
        Assert.Equal(TimestampFailure.UntrustedTsa, verdict.Failure);
        Assert.Equal(TimestampFailure.UntrustedTsa, TestPki.Fixed(TsaKeyAlgorithm.Rsa).Verifier().Verify(token, s_imprint).Failure);
    }

    [Fact]
    public void Verify_TsaCertificatePinnedAsTheAnchor_IsValid()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);

        Assert.True(new TimestampTokenVerifier([_pki.Tsa.Certificate], []).Verify(token, s_imprint).IsValid);
    }

    [Fact]
    public void Verify_TokenWithoutCertificates_SignerCertificateMissing()
    {
        var generator = new Org.BouncyCastle.Tsp.TimeStampRequestGenerator();
        generator.SetCertReq(false);
        byte[] request = generator.Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, s_imprint.Digest.ToArray()).GetEncoded();
        TimestampReply reply = TestTsa.Create(_pki).Respond(request, TestPki.FixedNow, 5, TestTsa.ReadingAt(TestPki.FixedNow));

        Assert.Equal(TimestampFailure.SignerCertificateMissing, _pki.Verifier().Verify(reply.TokenDer, s_imprint).Failure);
    }

    [Fact]
    public void Verify_OtherDataOrSameDigestUnderAnotherAlgorithm_WrongImprint()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);

        Assert.Equal(TimestampFailure.WrongImprint, _pki.Verifier().Verify(token, TimestampImprint.Compute(TimestampHash.Sha256, "other"u8)).Failure);
        Assert.Equal(TimestampFailure.WrongImprint, _pki.Verifier().Verify(token, TimestampImprint.FromDigest(TimestampHash.Sm3, s_imprint.Digest.Span)).Failure);
    }

    [Fact]
    public void Verify_OperatorsOwnTsa_LabelledNotIndependent()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);

        TimestampVerdict verdict = _pki.Verifier(operatorTsa: true).Verify(token, s_imprint);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.True(verdict.Timestamp.IsOperatorTsa);
        Assert.Contains("operator time, not independent", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GarbageTruncatedOrTooLong_Malformed()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);
        TimestampTokenVerifier verifier = _pki.Verifier();

        Assert.Equal(TimestampFailure.Malformed, verifier.Verify([], s_imprint).Failure);
        Assert.Equal(TimestampFailure.Malformed, verifier.Verify(Encoding.ASCII.GetBytes("not a token"), s_imprint).Failure);
        Assert.Equal(TimestampFailure.Malformed, verifier.Verify(token[..^1], s_imprint).Failure);
        Assert.Equal(TimestampFailure.Malformed, verifier.Verify(new byte[TimestampTokenVerifier.TokenLengthMaxBytes + 1], s_imprint).Failure);
        Assert.Equal(TimestampFailure.Malformed, verifier.Verify(_pki.Tsa.Certificate.GetEncoded(), s_imprint).Failure);
    }

    /// <summary>
    /// Not only the signed bytes: the SignedData and SignerInfo versions, digestAlgorithms and a BER-valid
    /// BOOLEAN in a certificate lie outside every signature, and BouncyCastle alone accepts them changed.
    /// </summary>
    [Fact]
    public void Verify_EveryByteOfATokenFlipped_NeverThrowsAndNeverValid()
    {
        byte[] token = TestTsa.Stamp(TestTsa.Create(_pki), s_data, TestPki.FixedNow);
        TimestampTokenVerifier verifier = _pki.Verifier();
        var stillValid = new List<string>();
        for (int i = 0; i < token.Length; i++)
        {
            byte[] flipped = (byte[])token.Clone();
            flipped[i] ^= 0x01;

            if (verifier.Verify(flipped, s_imprint).IsValid)
            {
                stillValid.Add($"{i}:{token[i]:x2}");
            }
        }

        Assert.True(stillValid.Count == 0, $"{Convert.ToHexString(token[..80])} still valid with a bit flipped at {string.Join(' ', stillValid)}");
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        int at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0);
        return at;
    }
}
