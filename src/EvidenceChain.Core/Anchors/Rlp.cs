using System.Buffers.Binary;
using System.Diagnostics;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// A strict decoder of Recursive Length Prefix encoding (Ethereum yellow paper, appendix B). Only
/// the canonical encoding is accepted: a single byte below 0x80 stands for itself, the long forms
/// are used only for 56 bytes or more, lengths have no leading zero bytes and never run past the
/// input, and a whole input is exactly one item. Anything else is refused, because two encodings
/// of one value would let a forged node or receipt hash differently from the one it imitates.
/// Lengths are limited to <see cref="int.MaxValue"/>; callers bound their inputs far below that.
/// </summary>
internal static class Rlp
{
    private const byte ShortStringOffset = 0x80;
    private const byte LongStringOffset = 0xb7;
    private const byte ShortListOffset = 0xc0;
    private const byte LongListOffset = 0xf7;
    private const int ShortLengthMax = 55;

    /// <summary>The longest encoding of a 64-bit integer: a prefix byte and eight value bytes.</summary>
    public const int UInt64EncodingLengthMax = 9;

    /// <summary>Decodes <paramref name="input"/> as exactly one item, with no bytes after it.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> input, out RlpItem item, out string error)
    {
        ReadOnlySpan<byte> rest = input;
        if (!TryReadNext(ref rest, out item, out error))
        {
            return false;
        }

        if (!rest.IsEmpty)
        {
            error = $"{rest.Length} bytes follow the {item.Encoded.Length}-byte item";
            return false;
        }

        return true;
    }

    /// <summary>Reads the item at the start of <paramref name="input"/> and moves past it (to walk a list's payload).</summary>
    public static bool TryReadNext(scoped ref ReadOnlySpan<byte> input, out RlpItem item, out string error)
    {
        item = default;
        if (input.IsEmpty)
        {
            error = "no item where one was expected";
            return false;
        }

        byte prefix = input[0];
        if (prefix < ShortStringOffset)
        {
            item = new RlpItem(false, input[..1], input[..1]);
            input = input[1..];
            error = string.Empty;
            return true;
        }

        bool isList = prefix >= ShortListOffset;
        int shortOffset = isList ? ShortListOffset : ShortStringOffset;
        int longOffset = isList ? LongListOffset : LongStringOffset;
        int headerLength;
        int payloadLength;
        if (prefix <= longOffset)
        {
            headerLength = 1;
            payloadLength = prefix - shortOffset;
        }
        else
        {
            int lengthOfLength = prefix - longOffset;
            headerLength = 1 + lengthOfLength;
            if (input.Length < headerLength)
            {
                error = $"the prefix 0x{prefix:x2} needs {lengthOfLength} length bytes but {input.Length - 1} remain";
                return false;
            }

            ReadOnlySpan<byte> lengthBytes = input.Slice(1, lengthOfLength);
            if (lengthBytes[0] == 0)
            {
                error = "a length starts with a zero byte";
                return false;
            }

            if (lengthOfLength > sizeof(int))
            {
                error = $"a length of {lengthOfLength} bytes exceeds every input this decoder accepts";
                return false;
            }

            uint length = 0;
            foreach (byte b in lengthBytes)
            {
                length = (length << 8) | b;
            }

            if (length > int.MaxValue)
            {
                error = $"the length {length} exceeds every input this decoder accepts";
                return false;
            }

            payloadLength = (int)length;
            if (payloadLength <= ShortLengthMax)
            {
                error = $"the long form is used for a length of {payloadLength}, which the short form holds";
                return false;
            }
        }

        if (input.Length - headerLength < payloadLength)
        {
            error = $"an item declares {payloadLength} bytes but {input.Length - headerLength} remain";
            return false;
        }

        ReadOnlySpan<byte> payload = input.Slice(headerLength, payloadLength);
        if (!isList && payloadLength == 1 && payload[0] < ShortStringOffset)
        {
            error = $"the byte 0x{payload[0]:x2} is encoded as a one-byte string instead of as itself";
            return false;
        }

        item = new RlpItem(isList, payload, input[..(headerLength + payloadLength)]);
        input = input[(headerLength + payloadLength)..];
        error = string.Empty;
        return true;
    }

    /// <summary>Counts a list's items, checking that they exactly fill its payload.</summary>
    public static bool TryCountItems(RlpItem list, out int count, out string error)
    {
        Debug.Assert(list.IsList);
        count = 0;
        ReadOnlySpan<byte> rest = list.Payload;
        while (!rest.IsEmpty)
        {
            if (!TryReadNext(ref rest, out _, out error))
            {
                error = $"item {count}: {error}";
                return false;
            }

            count++;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>The item at <paramref name="index"/> of a list already checked by <see cref="TryCountItems"/>.</summary>
    public static RlpItem ItemAt(RlpItem list, int index)
    {
        Debug.Assert(list.IsList);
        ReadOnlySpan<byte> rest = list.Payload;
        RlpItem item = default;
        for (int i = 0; i <= index; i++)
        {
            bool read = TryReadNext(ref rest, out item, out _);
            Debug.Assert(read, "the list was checked before");
        }

        return item;
    }

    /// <summary>Reads a canonical unsigned integer: a string of at most 8 bytes without leading zeros (zero is the empty string).</summary>
    public static bool TryReadUInt64(RlpItem item, out ulong value, out string error)
    {
        value = 0;
        if (item.IsList)
        {
            error = "an integer is a list";
            return false;
        }

        ReadOnlySpan<byte> bytes = item.Payload;
        if (bytes.Length > sizeof(ulong))
        {
            error = $"an integer of {bytes.Length} bytes does not fit in 64 bits";
            return false;
        }

        if (bytes.Length > 0 && bytes[0] == 0)
        {
            error = "an integer has a leading zero byte";
            return false;
        }

        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Writes the canonical encoding of <paramref name="value"/> (a receipts trie key) and returns its length.</summary>
    public static int WriteUInt64(ulong value, Span<byte> destination)
    {
        Debug.Assert(destination.Length >= UInt64EncodingLengthMax);
        if (value is > 0 and < ShortStringOffset)
        {
            destination[0] = (byte)value;
            return 1;
        }

        int length = sizeof(ulong) - (System.Numerics.BitOperations.LeadingZeroCount(value) / 8);
        destination[0] = (byte)(ShortStringOffset + length);
        Span<byte> bigEndian = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, value);
        bigEndian[(sizeof(ulong) - length)..].CopyTo(destination[1..]);
        return 1 + length;
    }
}
