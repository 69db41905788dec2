using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The two-core stream hashing gives exactly the one-pass digests, whatever the sizes (below, at and above the size
/// handed to the second core; across the buffer's halves) and however the stream cuts its reads; a unit cut short is
/// false and leaves the hasher clean for the next one.
/// </summary>
public sealed class StreamHashingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(524_288)]
    [InlineData((3 << 20) + 7)]
    public void HashToEnd_AnySize_AnyReadSizes_IsTheOnePassDigest(int length)
    {
        byte[] content = new byte[length];
        new Random(length).NextBytes(content);
        using var hasher = new ContentHasher();
        long advanced = 0;

        DigestPair digests = StreamHashing.HashToEnd(new UnevenStream(content, seed: length), hasher, new byte[StreamHashing.BufferLengthBytes], read => advanced += read);

        Assert.Equal(ContentHasher.HashData(content), digests);
        Assert.Equal(length, advanced);
    }

    [Fact]
    public void TryHashExactly_UnitsInARow_AndAUnitCutShort()
    {
        byte[] content = new byte[2_500_000];
        new Random(9).NextBytes(content);
        using var hasher = new ContentHasher();
        var stream = new UnevenStream(content, seed: 9);
        byte[] buffer = new byte[StreamHashing.BufferLengthBytes];

        Assert.True(StreamHashing.TryHashExactly(stream, 1_500_000, hasher, buffer, _ => { }, out DigestPair first));
        Assert.True(StreamHashing.TryHashExactly(stream, 600_000, hasher, buffer, _ => { }, out DigestPair second));
        Assert.False(StreamHashing.TryHashExactly(stream, 1_000_000, hasher, buffer, _ => { }, out DigestPair cut));

        Assert.Equal(ContentHasher.HashData(content.AsSpan(0, 1_500_000)), first);
        Assert.Equal(ContentHasher.HashData(content.AsSpan(1_500_000, 600_000)), second);
        Assert.Equal(default, cut);
        Assert.Equal(ContentHasher.HashData([]), hasher.Finish());
    }

    /// <summary>A stream over bytes that answers each read with a random share of what was asked, as pipes and networks do.</summary>
    private sealed class UnevenStream(byte[] content, int seed) : MemoryStream(content, writable: false)
    {
        private readonly Random _random = new(seed);

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1 + _random.Next(buffer.Length + 1))]);
    }
}
