using EvidenceChain.Core.DepositCertificates;

namespace EvidenceChain.Engine.Certificates;

/// <summary>A certificate as issued: the signed PDF's bytes, its proof, its number and the leaf of its record.</summary>
public sealed record CertificateIssue(byte[] Pdf, CertificateProof Proof, string CertificateId, ulong RecordLeafIndex);
