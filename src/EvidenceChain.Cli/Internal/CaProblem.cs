namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Why a <c>ca</c> command cannot use its input (exit code 2), besides the certificate files'
/// own <see cref="Certificates.CertificateFileProblem"/>s. Each member has one sentence per language
/// in <see cref="CaText"/>.
/// </summary>
internal enum CaProblem
{
    NameInvalid = 1,
    PartyIdMalformed = 2,
    DnsNameInvalid = 3,
    IpAddressInvalid = 4,
    TooManyNames = 5,
    ValidityOutOfRange = 6,
    OutlivesCa = 7,
    NotACa = 8,
    DirectoryUnwritable = 9,
}
