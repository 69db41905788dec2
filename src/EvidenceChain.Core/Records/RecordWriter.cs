using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Records;

/// <summary>Writes a canonical record: big-endian integers, strings with a one-byte length, digests as their 32 bytes, dates as yyyymmdd (the case and pledge records).</summary>
public sealed class RecordWriter
{
    private readonly List<byte> _bytes = [];

    public void Put(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            _bytes.Add(b);
        }
    }

    public void Put(byte value) => _bytes.Add(value);

    public void PutBool(bool value) => _bytes.Add(value ? (byte)1 : (byte)0);

    public void PutUInt32(uint value)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(field, value);
        Put(field);
    }

    public void PutInt64(long value)
    {
        Span<byte> field = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(field, value);
        Put(field);
    }

    public void PutUInt64(ulong value)
    {
        Span<byte> field = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(field, value);
        Put(field);
    }

    public void PutUInt128(UInt128 value)
    {
        Span<byte> field = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(field, value);
        Put(field);
    }

    public void PutPartyId(string partyId) => Put(Convert.FromHexString(partyId));

    public void PutDigest(in Digest digest) => Put(Digest.AsBytes(digest));

    public void PutDigests(in DigestPair pair)
    {
        PutDigest(pair.Sha256);
        PutDigest(pair.Sm3);
    }

    /// <summary>A date as the number yyyymmdd in 4 bytes.</summary>
    public void PutDate(DateOnly day) => PutUInt32((uint)((day.Year * 10_000) + (day.Month * 100) + day.Day));

    /// <summary>UTF-8 with a one-byte length: at most 255 bytes.</summary>
    public void PutText(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > byte.MaxValue)
        {
            throw new InvalidOperationException($"A record's text is at most {byte.MaxValue} bytes of UTF-8, not {bytes.Length}.");
        }

        Put((byte)bytes.Length);
        Put(bytes);
    }

    public byte[] ToArray() => [.. _bytes];
}
