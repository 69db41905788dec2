namespace EvidenceChain.Core.Hashing;

/// <summary>
/// The hash function of a log's tree, fixed when the log is created (see docs/formats/checkpoint.md).
/// Both produce 32-byte digests. The numbers are stable: they appear in encodings.
/// </summary>
public enum TreeHash : byte
{
    /// <summary>SHA-256 (FIPS 180-4); the default.</summary>
    Sha256 = 1,

    /// <summary>SM3 (GB/T 32905-2016), for national-algorithm deployments.</summary>
    Sm3 = 2,
}
