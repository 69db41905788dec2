using System.Globalization;
using Newtonsoft.Json.Linq;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// The two hex forms of Ethereum JSON-RPC (execution-apis): QUANTITY (0x-prefixed, no leading
/// zeros, "0x0" for zero) and DATA (0x-prefixed, two digits per byte), turned into the bytes RLP
/// encodes: a quantity as its big-endian bytes without leading zeros, data as it is.
/// </summary>
internal static class JsonRpcHex
{
    public static byte[] Data(string hex, string what)
    {
        if (!hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length % 2 != 0)
        {
            throw new EvmReceiptProofException($"{what} is not 0x-prefixed hex of whole bytes: '{hex}'.");
        }

        try
        {
            return Convert.FromHexString(hex.AsSpan(2));
        }
        catch (FormatException e)
        {
            throw new EvmReceiptProofException($"{what} is not hex: '{hex}'.", e);
        }
    }

    public static byte[] Quantity(string hex, string what)
    {
        if (!hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length == 2)
        {
            throw new EvmReceiptProofException($"{what} is not a 0x-prefixed quantity: '{hex}'.");
        }

        string digits = hex[2..].TrimStart('0');
        byte[] bytes = Data("0x" + (digits.Length % 2 == 1 ? "0" + digits : digits), what);
        return bytes;
    }

    public static ulong UInt64(string hex, string what)
    {
        byte[] bytes = Quantity(hex, what);
        if (bytes.Length > sizeof(ulong))
        {
            throw new EvmReceiptProofException($"{what} {hex} does not fit in 64 bits.");
        }

        return bytes.Aggregate(0UL, (value, b) => (value << 8) | b);
    }

    /// <summary>A member that must be a string.</summary>
    public static string String(JObject json, string name, string what) =>
        json[name] is JValue { Type: JTokenType.String } value
            ? (string)value!
            : throw new EvmReceiptProofException($"{what} has no string member '{name}'.");

    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
