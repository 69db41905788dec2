using System.Buffers.Binary;

namespace EvidenceChain.Core.Tests.Anchors;

/// <summary>
/// A plain RLP encoder written from the yellow paper (appendix B), to build tries, receipts and
/// headers for the tests; the code under test only decodes.
/// </summary>
internal static class RlpWriter
{
    public static byte[] String(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? [bytes[0]] : [.. Prefix(0x80, bytes.Length), .. bytes];

    public static byte[] List(params IEnumerable<byte[]> encodedItems)
    {
        byte[] payload = encodedItems.SelectMany(i => i).ToArray();
        return [.. Prefix(0xc0, payload.Length), .. payload];
    }

    public static byte[] UInt(ulong value) => String(Trim(value));

    /// <summary>The big-endian bytes of <paramref name="value"/> without leading zeros (zero is empty).</summary>
    public static byte[] Trim(ulong value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes.SkipWhile(b => b == 0).ToArray();
    }

    private static byte[] Prefix(byte offset, int length) =>
        length <= 55 ? [(byte)(offset + length)] : [(byte)(offset + 55 + Trim((ulong)length).Length), .. Trim((ulong)length)];
}
