using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Records;

/// <summary>Reads a canonical record written by <see cref="RecordWriter"/>; any shortfall throws <see cref="FormatException"/>, which the decoder turns into a reason.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each reader is named for the wire type it reads, as its writer is.")]
public ref struct RecordReader(ReadOnlySpan<byte> bytes)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);
    private ReadOnlySpan<byte> _rest = bytes;

    public readonly bool IsAtEnd => _rest.IsEmpty;

    public ReadOnlySpan<byte> Take(int length)
    {
        if (_rest.Length < length)
        {
            throw new FormatException("the record ends early");
        }

        ReadOnlySpan<byte> taken = _rest[..length];
        _rest = _rest[length..];
        return taken;
    }

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        byte other => throw new FormatException($"a flag is 0 or 1, not {other}"),
    };

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public UInt128 UInt128() => BinaryPrimitives.ReadUInt128BigEndian(Take(16));

    public string PartyId() => Convert.ToHexStringLower(Take(16));

    public Digest Digest() => Core.Hashing.Digest.Read(Take(Core.Hashing.Digest.SizeInBytes));

    public DigestPair Digests() => new(Digest(), Digest());

    public DateOnly Date()
    {
        uint number = UInt32();
        int year = (int)(number / 10_000);
        int month = (int)(number / 100 % 100);
        int day = (int)(number % 100);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new FormatException($"{number} is not a date (yyyymmdd)");
        }

        return new DateOnly(year, month, day);
    }

    public string Text()
    {
        int length = Byte();
        try
        {
            return s_strictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("a text is not UTF-8");
        }
    }
}
