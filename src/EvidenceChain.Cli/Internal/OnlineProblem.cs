namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Why an online command cannot use its input (exit code 2), beside the offline <c>InputProblem</c>s
/// it shares. Each member has one sentence per language in <see cref="OnlineText"/>.
/// </summary>
internal enum OnlineProblem
{
    ServerAddressInvalid = 1,
    DepositorKeyOpenToOthers = 2,
    DepositorKeyMalformed = 3,
    DepositFileExists = 4,
    OutputFileExists = 5,
    OutputInsideContent = 6,
    OutputDirectoryNotFound = 7,
    Unwritable = 8,
    DepositIdMalformed = 9,
    LeafIndexMalformed = 10,
    ReceiptFileMalformed = 11,
    CheckpointSizeMismatch = 12,
    NewCheckpointNeeded = 13,
    CaNeeded = 14,
    CertificateKeyNeeded = 15,
    CertificateNeeded = 16,
    CaFileNotCa = 17,
    ServerCertificateRefused = 18,
    PartyIdMalformed = 19,
    PublicKeyMalformed = 20,
    FingerprintMalformed = 21,
    KeySourceNeeded = 22,
    DepositorKeyNotFound = 23,
    Sm2KeyOpenToOthers = 24,
    Sm2KeyMalformed = 25,
    Sm2PublicKeyMalformed = 26,
    UserIdWithoutSm2 = 27,
    UserIdTooLong = 28,
    LocatorMalformed = 29,
    AccountIdMalformed = 30,
    IncidentIdMalformed = 31,
    PaymentOrderMalformed = 32,
    DateMalformed = 33,
    StatementFileTooLarge = 34,
    InterestClaimMalformed = 35,
    TransferIdMalformed = 36,
}
