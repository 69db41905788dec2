using System.Text;
using EvidenceChain.Timestamping.Tests.Support;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>Our requester, responder and verifier together, for each key algorithm and imprint hash.</summary>
public sealed class TimestampRoundTripTests
{
    private static readonly byte[] s_data = Encoding.UTF8.GetBytes("checkpoint 42: tree hash …");

    [Theory]
    [InlineData(TsaKeyAlgorithm.EcdsaP256, TimestampHash.Sha256)]
    [InlineData(TsaKeyAlgorithm.EcdsaP256, TimestampHash.Sha384)]
    [InlineData(TsaKeyAlgorithm.Rsa, TimestampHash.Sha512)]
    [InlineData(TsaKeyAlgorithm.Sm2, TimestampHash.Sm3)]
    [InlineData(TsaKeyAlgorithm.Sm2, TimestampHash.Sha256)]
    public void Verify_TokenFromOurTsa_ReportsWhatTheTsaStated(TsaKeyAlgorithm algorithm, TimestampHash hash)
    {
        TestPki pki = TestPki.Fixed(algorithm);
        DateTimeOffset now = TestPki.FixedNow.AddTicks(123_4567);

        byte[] token = TestTsa.Stamp(TestTsa.Create(pki), s_data, now, hash);
        TimestampVerdict verdict = pki.Verifier().Verify(token, TimestampImprint.Compute(hash, s_data));

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, 123, TimeSpan.Zero), verdict.Timestamp.GenTime);
        Assert.Equal(TestTsa.Accuracy, verdict.Timestamp.Accuracy);
        Assert.Equal(TestTsa.Policy, verdict.Timestamp.PolicyOid);
        Assert.Equal("CN=Test TSA", verdict.Timestamp.TsaName);
        Assert.Equal(TimestampTokenVerifier.Sha256Hex(pki.Tsa.Certificate), verdict.Timestamp.TsaCertificateSha256);
        Assert.False(verdict.Timestamp.IsOperatorTsa);
        Assert.Contains("independent TSA", verdict.Detail, StringComparison.Ordinal);
    }
}
