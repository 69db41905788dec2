using System.Buffers.Binary;
using Google.Protobuf;

namespace EvidenceChain.Service.Internal;

/// <summary>The 16-byte big-endian ids of the ledger, the bank desk and cases on the wire, read and written in one place.</summary>
internal static class WireIds
{
    public const int LengthBytes = 16;

    /// <summary>The id, or INVALID_ARGUMENT naming <paramref name="field"/> when the bytes are not one.</summary>
    public static UInt128 Read(ByteString bytes, string field) =>
        bytes.Length == LengthBytes
            ? BinaryPrimitives.ReadUInt128BigEndian(bytes.Span)
            : throw StatusErrors.Invalid(field, $"an id is {LengthBytes} bytes, big-endian; got {bytes.Length}");

    public static ByteString Bytes(UInt128 value)
    {
        byte[] bytes = new byte[LengthBytes];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }
}
