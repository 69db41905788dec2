namespace EvidenceChain.Core.Hashing;

/// <summary>
/// SHA-256 and SM3 over one streaming pass: feed any number of spans, then <see cref="Finish"/>.
/// Memory is constant whatever the content's length; the caller owns reading (files stay outside
/// the core). One instance per thread; it resets itself on <see cref="Finish"/> for reuse. A reader with
/// two cores may run <see cref="AppendSha256"/> and <see cref="AppendSm3"/> over the same bytes at once
/// (each touches only its own state), so the pass takes the slower hash's time, not the sum.
/// </summary>
public sealed class ContentHasher : IDisposable
{
    private readonly IncrementalSha256 _sha256 = new();
    private Sm3State _sm3;
    private long _lengthBytes;

    /// <summary>How many bytes have been appended since the last <see cref="Finish"/>.</summary>
    public long LengthBytes => _lengthBytes;

    public void Append(ReadOnlySpan<byte> data)
    {
        AppendSha256(data);
        AppendSm3(data);
    }

    /// <summary>The SHA-256 half of <see cref="Append"/>; it also counts <see cref="LengthBytes"/>.</summary>
    public void AppendSha256(ReadOnlySpan<byte> data)
    {
        _sha256.AppendData(data);
        _lengthBytes += data.Length;
    }

    /// <summary>The SM3 half of <see cref="Append"/>: every byte given to <see cref="AppendSha256"/> must come here too, in the same order.</summary>
    public void AppendSm3(ReadOnlySpan<byte> data) => _sm3.Append(data);

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
