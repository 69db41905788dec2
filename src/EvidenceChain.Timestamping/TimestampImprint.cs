using EvidenceChain.Timestamping.Internal;

namespace EvidenceChain.Timestamping;

/// <summary>
/// A message imprint (RFC 3161 §2.4.1): the hash algorithm and the digest of the data being
/// timestamped. The TSA sees only this, never the data. Two imprints are equal when both the algorithm
/// and the digest bytes are.
/// </summary>
public sealed class TimestampImprint : IEquatable<TimestampImprint>
{
    private readonly byte[] _digest;

    private TimestampImprint(TimestampHash hash, byte[] digest)
    {
        Hash = hash;
        _digest = digest;
    }

    public TimestampHash Hash { get; }

    public ReadOnlyMemory<byte> Digest => _digest;

    /// <summary>Hashes <paramref name="data"/> with <paramref name="hash"/>.</summary>
    public static TimestampImprint Compute(TimestampHash hash, ReadOnlySpan<byte> data) => new(hash, HashAlgorithms.Compute(hash, data));

    /// <summary>Wraps a digest computed elsewhere (a checkpoint's tree hash, say).</summary>
    /// <exception cref="ArgumentException">The digest is not exactly the algorithm's length.</exception>
    public static TimestampImprint FromDigest(TimestampHash hash, ReadOnlySpan<byte> digest)
    {
        int lengthBytes = HashAlgorithms.DigestLengthBytes(hash);
        if (digest.Length != lengthBytes)
        {
            throw new ArgumentException($"A {HashAlgorithms.Name(hash)} digest is {lengthBytes} bytes, not {digest.Length}.", nameof(digest));
        }

        return new TimestampImprint(hash, digest.ToArray());
    }

    public bool Equals(TimestampImprint? other) => other is not null && Hash == other.Hash && _digest.AsSpan().SequenceEqual(other._digest);

    public override bool Equals(object? obj) => Equals(obj as TimestampImprint);

    public override int GetHashCode() => HashCode.Combine(Hash, BitConverter.ToInt32(_digest, 0));

    /// <summary>"SHA-256:" followed by the digest in lowercase hexadecimal.</summary>
    public override string ToString() => $"{HashAlgorithms.Name(Hash)}:{Convert.ToHexStringLower(_digest)}";
}
