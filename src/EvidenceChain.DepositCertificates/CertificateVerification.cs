using EvidenceChain.Core.Receipts;

namespace EvidenceChain.DepositCertificates;

/// <summary>The receipt's verification and, when it was valid, the certificate drawn from it.</summary>
public sealed record CertificateVerification(ReceiptReport Report, DepositCertificate? Certificate);
