using System.Runtime.InteropServices;

namespace EvidenceChain.Core.Hashing;

/// <summary>
/// A 32-byte digest (SHA-256 or SM3) held by value, so trees and proofs need no per-hash array.
/// The four words are storage only: the bytes are read and written in order through
/// <see cref="AsBytes(in Digest)"/>, so equality is byte equality.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Digest : IEquatable<Digest>
{
    /// <summary>The length of every digest in this system, in bytes.</summary>
    public const int SizeInBytes = 32;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    /// <summary>Copies exactly 32 bytes into a digest.</summary>
    /// <exception cref="ArgumentException">The input is not 32 bytes long.</exception>
    public static Digest Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SizeInBytes)
        {
            throw Error.WrongLength(nameof(bytes), SizeInBytes, bytes.Length);
        }

        return MemoryMarshal.Read<Digest>(bytes);
    }

    /// <summary>Parses 64 hex digits (either case).</summary>
    public static Digest FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != SizeInBytes * 2)
        {
            throw Error.WrongLength(nameof(hex), SizeInBytes * 2, hex.Length);
        }

        Span<byte> bytes = stackalloc byte[SizeInBytes];
        if (Convert.FromHexString(hex, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != SizeInBytes)
        {
            throw new FormatException("A digest must be 64 hexadecimal digits.");
        }

        return Read(bytes);
    }

    /// <summary>Parses standard base64 (RFC 4648 §4) that decodes to exactly 32 bytes.</summary>
    public static bool TryFromBase64(string text, out Digest digest)
    {
        Span<byte> bytes = stackalloc byte[SizeInBytes + 3];
        if (text.Length == 44 && Convert.TryFromBase64String(text, bytes, out int written) && written == SizeInBytes
            && Convert.ToBase64String(bytes[..SizeInBytes]) == text)
        {
            digest = Read(bytes[..SizeInBytes]);
            return true;
        }

        digest = default;
        return false;
    }

    /// <summary>The digest's bytes, in order, without copying.</summary>
    public static ReadOnlySpan<byte> AsBytes(in Digest digest) =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in digest, 1));

    /// <summary>A writable view of one digest's bytes, for hashing straight into it.</summary>
    public static Span<byte> AsWritableBytes(ref Digest digest) =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref digest, 1));

    public void CopyTo(Span<byte> destination) => AsBytes(this).CopyTo(destination);

    public byte[] ToArray() => AsBytes(this).ToArray();

    public string ToHex() => Convert.ToHexStringLower(AsBytes(this));

    public string ToBase64() => Convert.ToBase64String(AsBytes(this));

    public bool Equals(Digest other) =>
        _word0 == other._word0 && _word1 == other._word1 && _word2 == other._word2 && _word3 == other._word3;

    public override bool Equals(object? obj) => obj is Digest other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_word0, _word1, _word2, _word3);

    public override string ToString() => ToHex();

    public static bool operator ==(Digest left, Digest right) => left.Equals(right);

    public static bool operator !=(Digest left, Digest right) => !left.Equals(right);
}
