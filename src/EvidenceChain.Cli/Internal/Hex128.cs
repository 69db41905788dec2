using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>The 16-byte ids of the ledger, the bank desk and cases as people type them: 32 lowercase hex digits.</summary>
internal static class Hex128
{
    public static bool TryParse(string hex, out UInt128 value)
    {
        value = default;
        return hex.Length == 32 && hex.All(char.IsAsciiHexDigitLower) && UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The id as 16 big-endian bytes, as the protocol carries it.</summary>
    public static ByteString Bytes(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    public static string Of(ByteString id) => Convert.ToHexStringLower(id.Span);
}
