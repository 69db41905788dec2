namespace EvidenceChain.Vault;

/// <summary>
/// A vault file that does not decrypt under the key given: the one exception <see cref="VaultReader"/>
/// throws for anything wrong with the ciphertext, whatever the cause, named by <see cref="Failure"/>.
/// Whatever was written to the output before it was thrown is not the file's content and must be
/// discarded.
/// </summary>
public sealed class VaultFormatException : Exception
{
    public VaultFormatException()
    {
    }

    public VaultFormatException(string message)
        : base(message)
    {
    }

    public VaultFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal VaultFormatException(VaultFailure failure, long segmentIndex, string message)
        : base(message)
    {
        Failure = failure;
        SegmentIndex = segmentIndex;
    }

    /// <summary>What is wrong.</summary>
    public VaultFailure Failure { get; }

    /// <summary>The 0-based index of the segment that failed; −1 when the header is at fault.</summary>
    public long SegmentIndex { get; } = -1;
}
