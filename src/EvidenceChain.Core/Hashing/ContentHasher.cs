using System.Security.Cryptography;

namespace EvidenceChain.Core.Hashing;

/// <summary>
/// SHA-256 and SM3 over one streaming pass: feed any number of spans, then <see cref="Finish"/>.
/// Memory is constant whatever the content's length; the caller owns reading (files stay outside
/// the core). One instance per thread; it resets itself on <see cref="Finish"/> for reuse.
/// </summary>
public sealed class ContentHasher : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Sm3State _sm3;
    private long _lengthBytes;

    /// <summary>How many bytes have been appended since the last <see cref="Finish"/>.</summary>
    public long LengthBytes => _lengthBytes;

    public void Append(ReadOnlySpan<byte> data)
    {
        _sha256.AppendData(data);
        _sm3.Append(data);
        _lengthBytes += data.Length;
    }

    public DigestPair Finish()
    {
        Digest sha256 = default;
        Digest sm3 = default;
        _sha256.GetHashAndReset(Digest.AsWritableBytes(ref sha256));
        _sm3.Finish(Digest.AsWritableBytes(ref sm3));
        _lengthBytes = 0;
        return new DigestPair(sha256, sm3);
    }

    /// <summary>Both digests of a buffer already in memory.</summary>
    public static DigestPair HashData(ReadOnlySpan<byte> content)
    {
        using var hasher = new ContentHasher();
        hasher.Append(content);
        return hasher.Finish();
    }

    public void Dispose() => _sha256.Dispose();
}
