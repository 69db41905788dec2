using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>A TSA refuses, at configuration, a key and certificate that would only make tokens nobody should accept.</summary>
public sealed class TsaCredentialTests
{
    [Theory]
    [InlineData(TsaKeyAlgorithm.EcdsaP256)]
    [InlineData(TsaKeyAlgorithm.Rsa)]
    [InlineData(TsaKeyAlgorithm.Sm2)]
    public void Create_KeyAndItsTsaCertificate_NamesTheAlgorithm(TsaKeyAlgorithm algorithm)
    {
        TestPki pki = TestPki.Fixed(algorithm);

        Assert.Equal(algorithm, TsaCredential.Create(pki.Tsa.PrivateKey, pki.Tsa.Certificate).Algorithm);
    }

    [Fact]
    public void Create_CertificateForAnotherKey_Throws()
    {
        TestPki pki = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256);
        IssuedCertificate other = TsaCertificates.IssueTsa(pki.Root, TsaKeyAlgorithm.EcdsaP256, "Other TSA", TestPki.FixedNow, TestPki.FixedNow.AddDays(1), TestPki.Random);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => TsaCredential.Create(pki.Tsa.PrivateKey, other.Certificate));

        Assert.Contains("certifies another key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RootCertificate_ThrowsForWantOfTimeStampingUsage()
    {
        TestPki pki = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => TsaCredential.Create(pki.Root.PrivateKey, pki.Root.Certificate));

        Assert.Contains("no extended key usage", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PublicKey_Throws()
    {
        TestPki pki = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256);

        Assert.Throws<ArgumentException>(() => TsaCredential.Create(pki.Tsa.Certificate.GetPublicKey(), pki.Tsa.Certificate));
    }

    [Fact]
    public void Create_Rsa1024_Throws()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), TestPki.Random, 1024, 80));
        var key = (RsaPrivateCrtKeyParameters)generator.GenerateKeyPair().Private;

        ArgumentException refused = Assert.Throws<ArgumentException>(() => TsaCredential.Create(key, TestPki.Fixed(TsaKeyAlgorithm.Rsa).Tsa.Certificate));

        Assert.Contains("at least 2048 bits, not 1024", refused.Message, StringComparison.Ordinal);
    }
}
