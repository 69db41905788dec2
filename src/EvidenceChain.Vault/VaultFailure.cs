namespace EvidenceChain.Vault;

/// <summary>
/// Why a vault file does not decrypt, in the order a reader checks (docs/formats/vault.md §Reading).
/// The numbers are stable.
/// </summary>
public enum VaultFailure
{
    /// <summary>The file does not start with the magic <c>"evidencechain/vault/v1\n"</c>.</summary>
    NotAVaultFile = 1,

    /// <summary>The file ends inside the header.</summary>
    HeaderTruncated = 2,

    /// <summary>The algorithm byte names no algorithm this version knows.</summary>
    AlgorithmUnknown = 3,

    /// <summary>The segment size is not a power of two from 4 KiB to 64 MiB.</summary>
    SegmentSizeInvalid = 4,

    /// <summary>The file is sealed with one algorithm and the key is for the other.</summary>
    KeyAlgorithmMismatch = 5,

    /// <summary>
    /// A segment did not authenticate: the ciphertext or header was altered, truncated, reordered,
    /// extended or spliced from another file, or the key is not the one it was encrypted with.
    /// </summary>
    SegmentAuthenticationFailed = 6,

    /// <summary>The file goes on past the 2^32nd segment, which no writer can make.</summary>
    TooManySegments = 7,

    /// <summary>
    /// The file's length is one no writer makes: its last segment would be shorter than its tag.
    /// Found from the length alone (<see cref="VaultShape"/>), before any key is at hand.
    /// </summary>
    LengthImpossible = 8,
}
