namespace EvidenceChain.Core.Proofs;

/// <summary>
/// Why a verification failed. Each member names the rule broken; the numbers are stable and appear
/// in reports and exit details, so they never change and are never reused.
/// </summary>
public enum VerificationFailure
{
    /// <summary>Nothing failed.</summary>
    None = 0,

    // Merkle proofs (RFC 9162 §2.1.3.2, §2.1.4.2).
    IndexOutOfRange = 1,
    WrongProofLength = 2,
    RootMismatch = 3,
    SizeDecreased = 4,
    EmptyTreeHasNoProof = 5,

    // Signed notes, checkpoints and promises.
    MalformedNote = 20,
    NoTrustedSignature = 21,
    BadSignature = 22,
    OriginMismatch = 23,
    MalformedCheckpoint = 24,
    TreeHashMismatch = 25,
    MalformedPromise = 26,

    // Receipts and leaves.
    MalformedReceipt = 40,
    UnsupportedVersion = 41,
    UnexpectedLeafType = 42,
    MalformedLeaf = 43,
    CommitmentMismatch = 44,
    PartyCommitmentMismatch = 45,
    MalformedSaltFile = 46,
    UnitCountMismatch = 47,

    // Chain anchors.
    AnchorOfAnotherLog = 60,
    AnchorInconsistent = 61,
    AnchorProofInvalid = 62,

    // Custody trails (custody-event.md).
    MalformedTrail = 70,
    MalformedRecord = 71,
    RecordNotOfParty = 72,

    // Record statements and ledger account histories (ledger-batch.md).
    MalformedStatement = 80,
    AccountHistoryBroken = 81,

    // RFC 3161 timestamp tokens of a v2 receipt (receipt.md §Timestamps), in the order they are checked.

    /// <summary>The checkpoint a timestamp entry carries does not verify with the log's trusted keys, or is of another log.</summary>
    TimestampCheckpointInvalid = 90,

    /// <summary>The stamped checkpoint does not extend the receipt's: an older tree, a tree size the entry misstates, or a consistency proof that fails.</summary>
    TimestampInconsistent = 91,

    /// <summary>The token's TSA does not chain to any TSA root the verifier trusts.</summary>
    TimestampUntrustedTsa = 92,

    /// <summary>The token dates something other than the stamped checkpoint's text (another root, another checkpoint).</summary>
    TimestampImprintMismatch = 93,

    /// <summary>The token is malformed, its signature or certificate binding fails, its certificate is not a TSA's or was not valid at genTime, or its imprint is neither SHA-256 nor SM3.</summary>
    TimestampTokenInvalid = 94,

    // Deposit certificates (docs/deposit-certificate.md §Verify a certificate), in the order they are checked.

    /// <summary>The PDF's PAdES signature does not verify: the certificate was changed after signing, or was never signed.</summary>
    CertificateSignatureInvalid = 100,

    /// <summary>The certificate's proof file is not the format, or its statement does not hold exactly one certificate record.</summary>
    MalformedCertificateProof = 101,

    /// <summary>The log does not record this PDF: the statement fails, or the record it proves names another PDF's digests.</summary>
    CertificateNotRecorded = 102,

    /// <summary>The receipt and the certificate's record are proven in different logs.</summary>
    CertificateOfAnotherLog = 103,

    /// <summary>The certificate's record names another deposit than the receipt's.</summary>
    CertificateOfAnotherDeposit = 104,

    /// <summary>The signer's certificate is not one of, or issued by, the signing roots the verifier trusts, or was not valid when the certificate was issued.</summary>
    CertificateSignerNotTrusted = 105,

    // Key statements (key-statement.md).

    /// <summary>A key rotation or compromise note is not of the format.</summary>
    MalformedKeyStatement = 110,
}
