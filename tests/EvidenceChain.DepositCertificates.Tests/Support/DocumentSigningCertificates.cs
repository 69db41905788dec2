using EvidenceChain.Timestamping;
using Org.BouncyCastle.Security;

namespace EvidenceChain.DepositCertificates.Tests.Support;

/// <summary>
/// A notary certificate for tests (id-kp-documentSigning, <see cref="TsaCertificates.IssueDocumentSigner"/>) under a
/// test root made alongside it. The root is thrown away, so no verifier trusts the certificate.
/// </summary>
internal static class DocumentSigningCertificates
{
    public static CertificateSigner EcdsaP256() => Create(TsaKeyAlgorithm.EcdsaP256, "EvidenceChain Test Notary (ECDSA P-256)");

    public static CertificateSigner Sm2() => Create(TsaKeyAlgorithm.Sm2, "EvidenceChain Test Notary (SM2)");

    private static CertificateSigner Create(TsaKeyAlgorithm algorithm, string commonName)
    {
        var random = new SecureRandom();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        IssuedCertificate root = TsaCertificates.CreateRoot(algorithm, "EvidenceChain Test Root", now.AddDays(-1), now.AddYears(1), random);
        IssuedCertificate notary = TsaCertificates.IssueDocumentSigner(root, algorithm, commonName, now.AddDays(-1), now.AddYears(1), random);
        return new CertificateSigner(notary.PrivateKey, notary.Certificate);
    }
}
