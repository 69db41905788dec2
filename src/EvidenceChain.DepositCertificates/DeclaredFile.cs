namespace EvidenceChain.DepositCertificates;

/// <summary>
/// A file as the depositor declares it: its name and, when known, its length. The receipt commits to the
/// content only, so these are the depositor's word, and the certificate says so.
/// </summary>
public sealed record DeclaredFile(string Name, long? LengthBytes);
