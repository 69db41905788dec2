using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>Feeds a stream through a <see cref="ContentHasher"/> in fixed-size reads, so memory stays constant whatever the file's size.</summary>
internal static class StreamHashing
{
    /// <summary>Large enough that read calls cost little next to hashing, small enough to be constant memory.</summary>
    public const int BufferLengthBytes = 1 << 20;

    public static DigestPair HashToEnd(Stream stream, ContentHasher hasher, Span<byte> buffer, Action<long> advance)
    {
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hasher.Append(buffer[..read]);
            advance(read);
        }

        return hasher.Finish();
    }

    /// <summary>Hashes the next <paramref name="lengthBytes"/> bytes; false if the stream ends before them.</summary>
    public static bool TryHashExactly(Stream stream, ulong lengthBytes, ContentHasher hasher, Span<byte> buffer, Action<long> advance, out DigestPair digests)
    {
        ulong remaining = lengthBytes;
        while (remaining > 0)
        {
            int read = stream.Read(buffer[..(int)Math.Min((ulong)buffer.Length, remaining)]);
            if (read == 0)
            {
                // Finishing resets the hasher, so its next user does not start from these bytes.
                hasher.Finish();
                digests = default;
                return false;
            }

            hasher.Append(buffer[..read]);
            advance(read);
            remaining -= (ulong)read;
        }

        digests = hasher.Finish();
        return true;
    }
}
