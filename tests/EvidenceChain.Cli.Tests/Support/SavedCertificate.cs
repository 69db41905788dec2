namespace EvidenceChain.Cli.Tests.Support;

/// <summary>A certificate the service issued, saved as a depositor keeps it: the PDF with its proof file beside it.</summary>
internal sealed record SavedCertificate(string PdfPath, string ProofPath, string CertificateId, ulong RecordLeafIndex);
