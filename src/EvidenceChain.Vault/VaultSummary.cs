namespace EvidenceChain.Vault;

/// <summary>What a vault encryption or decryption went through.</summary>
/// <param name="Algorithm">The file's algorithm.</param>
/// <param name="SegmentSizeBytes">The file's segment size.</param>
/// <param name="SegmentCount">How many segments the file holds (at least one).</param>
/// <param name="PlaintextLengthBytes">The content's length.</param>
/// <param name="CiphertextLengthBytes">The vault file's length, header included.</param>
public readonly record struct VaultSummary(
    VaultAlgorithm Algorithm,
    int SegmentSizeBytes,
    long SegmentCount,
    long PlaintextLengthBytes,
    long CiphertextLengthBytes);
