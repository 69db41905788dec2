using System.Runtime.CompilerServices;

namespace EvidenceChain.Core.Hashing;

/// <summary>
/// Incremental SM3 (GB/T 32905-2016) without allocation: <see cref="Append"/> any number of spans,
/// then <see cref="Finish"/>, which also resets the state for the next message. <c>default</c> is a
/// fresh state, so a field needs no initializer. It is a mutable struct: keep it in a field or a
/// local and never copy it mid-message, since the copy would continue on its own.
/// </summary>
public struct Sm3State
{
    // The chaining value is kept XOR-ed with the initial value, so that all-zero is the start.
    private Sm3Compression.ChainingValue _chainingValueXorInitial;
    private Block _pending;
    private ulong _lengthBytes;

    /// <summary>How many bytes have been appended since the last <see cref="Finish"/> or <see cref="Reset"/>.</summary>
    public readonly ulong LengthBytes => _lengthBytes;

    /// <summary>Adds <paramref name="data"/> to the message; whole blocks are compressed at once, the rest is kept.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        int pendingLengthBytes = (int)(_lengthBytes % Sm3Compression.BlockSizeInBytes);
        _lengthBytes += (ulong)data.Length;
        Span<byte> pending = _pending;
        if (pendingLengthBytes + data.Length < Sm3Compression.BlockSizeInBytes)
        {
            data.CopyTo(pending[pendingLengthBytes..]);
            return;
        }

        Sm3Compression.ChainingValue chainingValue = LoadChainingValue();
        if (pendingLengthBytes > 0)
        {
            int fillLengthBytes = Sm3Compression.BlockSizeInBytes - pendingLengthBytes;
            data[..fillLengthBytes].CopyTo(pending[pendingLengthBytes..]);
            Sm3Compression.CompressBlocks(chainingValue, pending);
            data = data[fillLengthBytes..];
        }

        // All whole blocks in one call, so the state stays in registers between them.
        int wholeLengthBytes = data.Length - (data.Length % Sm3Compression.BlockSizeInBytes);
        Sm3Compression.CompressBlocks(chainingValue, data[..wholeLengthBytes]);
        data[wholeLengthBytes..].CopyTo(pending);
        StoreChainingValue(chainingValue);
    }

    /// <summary>Writes the digest of everything appended to <paramref name="destination"/> (at least 32 bytes) and resets.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void Finish(Span<byte> destination)
    {
        if (destination.Length < Sm3.HashSizeInBytes)
        {
            throw Error.TooShort(nameof(destination), Sm3.HashSizeInBytes, destination.Length);
        }

        int pendingLengthBytes = (int)(_lengthBytes % Sm3Compression.BlockSizeInBytes);
        Sm3Compression.ChainingValue chainingValue = LoadChainingValue();
        Sm3Compression.CompressLast(chainingValue, ((ReadOnlySpan<byte>)_pending)[..pendingLengthBytes], _lengthBytes);
        Sm3Compression.WriteDigest(chainingValue, destination);
        Reset();
    }

    /// <summary>Forgets everything appended: the state is fresh again.</summary>
    public void Reset() => this = default;

    private readonly Sm3Compression.ChainingValue LoadChainingValue()
    {
        Sm3Compression.ChainingValue chainingValue = default;
        for (int i = 0; i < Sm3Compression.ChainingValueLengthWords; i++)
        {
            chainingValue[i] = _chainingValueXorInitial[i] ^ Sm3Compression.InitialValue[i];
        }

        return chainingValue;
    }

    private void StoreChainingValue(ReadOnlySpan<uint> chainingValue)
    {
        for (int i = 0; i < Sm3Compression.ChainingValueLengthWords; i++)
        {
            _chainingValueXorInitial[i] = chainingValue[i] ^ Sm3Compression.InitialValue[i];
        }
    }

    [InlineArray(Sm3Compression.BlockSizeInBytes)]
    private struct Block
    {
        private byte _byte0;
    }
}
