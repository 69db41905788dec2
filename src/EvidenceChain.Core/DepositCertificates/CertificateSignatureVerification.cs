using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// The verdict on a certificate PDF's signature and, when it is valid, the certificate that signed it. Valid
/// means the bytes are as signed by that certificate's key; whether the certificate is the notary's is the
/// caller's decision (compare it with the one obtained from a source you trust).
/// </summary>
public sealed record CertificateSignatureVerification(CertificateSignatureStatus Status, X509Certificate? SignerCertificate)
{
    public bool IsValid => Status == CertificateSignatureStatus.Valid;
}
