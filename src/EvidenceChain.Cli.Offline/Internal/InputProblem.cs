namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>Why an input cannot be used (exit code 2). Each member has one sentence per language in <see cref="ReportText"/>.</summary>
internal enum InputProblem
{
    FileNotFound = 1,
    DirectoryNotFound = 2,
    IsADirectory = 3,
    NotADirectory = 4,
    SymbolicLink = 5,
    SpecialFile = 6,
    Unreadable = 7,
    ChangedWhileReading = 8,
    PathNotCommittable = 9,
    ContentNotPlannable = 10,
    FileTooLarge = 11,
    SaltFileMalformed = 12,
    KeyMalformed = 13,
    KeyFileLineMalformed = 14,
    TrustFileNotFound = 15,
    NoTrustedKey = 16,
    FileTypeUnknown = 17,
    RpcAddressInvalid = 18,
    CertificateFileMalformed = 19,
    CertificateProofNotFound = 20,
    ReceiptNeedsContent = 21,
    OptionNeedsCertificate = 22,
    CompromiseStatementInvalid = 23,
}
