namespace EvidenceChain.Vault.Tests.Support;

/// <summary>
/// A read-only, non-seekable stream of <c>lengthBytes</c> pseudo-random bytes (xorshift64 from a
/// seed), so a test can stream hundreds of MiB without holding or storing them. Reads complete
/// synchronously, including the async ones.
/// </summary>
internal sealed class GeneratedStream(long lengthBytes, ulong seed) : Stream
{
    private ulong _state = seed | 1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int count = (int)Math.Min(buffer.Length, lengthBytes - _position);
        for (int i = 0; i < count; i++)
        {
            // One xorshift step per byte: slow-ish but simple, and identical however reads are cut.
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = unchecked((byte)_state);
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
