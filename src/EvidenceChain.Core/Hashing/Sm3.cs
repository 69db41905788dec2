namespace EvidenceChain.Core.Hashing;

/// <summary>
/// SM3 (GB/T 32905-2016) one-shot hashing into a caller buffer, in managed code without allocation
/// (64 rounds unrolled, see Sm3Compression). For a message that arrives in pieces use <see cref="Sm3State"/>.
/// </summary>
public static class Sm3
{
    public const int HashSizeInBytes = 32;

    /// <summary>Writes the SM3 digest of <paramref name="source"/> to <paramref name="destination"/> (at least 32 bytes).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw Error.TooShort(nameof(destination), HashSizeInBytes, destination.Length);
        }

        HashDataCore(source, destination);
    }

    public static Digest HashData(ReadOnlySpan<byte> source)
    {
        Digest result = default;
        HashDataCore(source, Digest.AsWritableBytes(ref result));
        return result;
    }

    internal static void HashDataCore(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Sm3Compression.ChainingValue chainingValue = Sm3Compression.Start();
        int wholeLengthBytes = source.Length - (source.Length % Sm3Compression.BlockSizeInBytes);
        Sm3Compression.CompressBlocks(chainingValue, source[..wholeLengthBytes]);
        Sm3Compression.CompressLast(chainingValue, source[wholeLengthBytes..], (ulong)source.Length);
        Sm3Compression.WriteDigest(chainingValue, destination);
    }
}
