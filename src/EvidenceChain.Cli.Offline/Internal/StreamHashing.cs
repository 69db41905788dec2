using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Feeds a stream through a <see cref="ContentHasher"/> in fixed-size reads, so memory stays constant whatever the
/// file's size, and on two cores: the buffer is split in halves; while a second core runs SM3 over one half, this
/// thread runs SHA-256 over it and reads the next half. A pass therefore takes about the slower hash's time (SM3's)
/// instead of the sum of both and the read.
/// </summary>
internal static class StreamHashing
{
    /// <summary>Large enough that read calls and handing a half to the other core cost little next to hashing, small enough to be constant memory.</summary>
    public const int BufferLengthBytes = 1 << 20;

    /// <summary>Below this a read is hashed on this thread alone: handing it over would cost more than it saves.</summary>
    private const int ParallelReadMinBytes = 64 * 1024;

    public static DigestPair HashToEnd(Stream stream, ContentHasher hasher, Memory<byte> buffer, Action<long> advance)
    {
        Pump(stream, ulong.MaxValue, hasher, buffer, advance);
        return hasher.Finish();
    }

    /// <summary>Hashes the next <paramref name="lengthBytes"/> bytes; false if the stream ends before them.</summary>
    public static bool TryHashExactly(Stream stream, ulong lengthBytes, ContentHasher hasher, Memory<byte> buffer, Action<long> advance, out DigestPair digests)
    {
        bool whole = Pump(stream, lengthBytes, hasher, buffer, advance) == lengthBytes;

        // Finishing resets the hasher, so its next user does not start from a short unit's bytes either.
        digests = hasher.Finish();
        if (!whole)
        {
            digests = default;
        }

        return whole;
    }

    /// <summary>Hashes up to <paramref name="limit"/> bytes, or to the stream's end; returns how many there were.</summary>
    private static ulong Pump(Stream stream, ulong limit, ContentHasher hasher, Memory<byte> buffer, Action<long> advance)
    {
        int half = buffer.Length / 2;
        Memory<byte> current = buffer[..half];
        Memory<byte> next = buffer[half..(2 * half)];
        ulong hashed = 0;
        int read = Read(stream, current, limit);
        while (read > 0)
        {
            ReadOnlyMemory<byte> chunk = current[..read];
            Task? sm3 = read >= ParallelReadMinBytes ? Task.Run(() => hasher.AppendSm3(chunk.Span)) : null;
            int nextRead;
            try
            {
                if (sm3 is null)
                {
                    hasher.AppendSm3(chunk.Span);
                }

                hasher.AppendSha256(chunk.Span);
                hashed += (ulong)read;
                advance(read);
                nextRead = Read(stream, next, limit - hashed);
            }
            finally
            {
                // The other core reads this half: it must be done before the half is refilled or the buffer handed back.
                sm3?.GetAwaiter().GetResult();
            }

            (current, next) = (next, current);
            read = nextRead;
        }

        return hashed;
    }

    private static int Read(Stream stream, Memory<byte> into, ulong remaining) =>
        remaining == 0 ? 0 : stream.Read(into.Span[..(int)Math.Min((ulong)into.Length, remaining)]);
}
