using System.Buffers.Binary;
using EvidenceChain.Core.Hashing;
using Google.Protobuf;

namespace EvidenceChain.Service.Internal;

/// <summary>The ids on the wire, read and written in one place: 16-byte big-endian ids of the ledger, the bank desk, cases and assets; deposit ids in hex.</summary>
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

    /// <summary>A deposit id (the deposit leaf's hash) from its 64 lowercase hex digits, or INVALID_ARGUMENT naming deposit_id.</summary>
    public static Digest DepositId(string depositId) =>
        depositId.Length == 2 * Digest.SizeInBytes && depositId.All(char.IsAsciiHexDigitLower)
            ? Digest.FromHex(depositId)
            : throw StatusErrors.Invalid("deposit_id", "a deposit id is the leaf hash: 64 lowercase hex digits");
}
