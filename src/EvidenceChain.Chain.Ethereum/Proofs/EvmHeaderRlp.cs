using Nethereum.RLP;
using Newtonsoft.Json.Linq;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// Encodes a block header from the JSON of eth_getBlockByHash, field by field in the order of the
/// yellow paper (§4.3) and of each fork's EIP: London's baseFeePerGas (EIP-1559), Shanghai's
/// withdrawalsRoot (EIP-4895), Cancun's blobGasUsed and excessBlobGas (EIP-4844) and
/// parentBeaconBlockRoot (EIP-4788), Prague's requestsHash (EIP-7685). A fork's fields are present
/// exactly when the block is of that fork or later, so the encoding stops at the first absent one;
/// a field present after an absent one is refused. Whether the result is right is decided by
/// hashing it against the block hash, which the builder does.
/// </summary>
internal static class EvmHeaderRlp
{
    private const int QuantityField = 0;
    private const int AnyLength = -1;
    private const int FrontierFieldCount = 15;

    // Name and size in bytes (QuantityField for integers); the first 15 exist since Frontier.
    private static readonly (string Name, int SizeInBytes)[] s_fields =
    [
        ("parentHash", 32), ("sha3Uncles", 32), ("miner", 20), ("stateRoot", 32), ("transactionsRoot", 32),
        ("receiptsRoot", 32), ("logsBloom", 256), ("difficulty", QuantityField), ("number", QuantityField),
        ("gasLimit", QuantityField), ("gasUsed", QuantityField), ("timestamp", QuantityField), ("extraData", AnyLength),
        ("mixHash", 32), ("nonce", 8),
        ("baseFeePerGas", QuantityField), ("withdrawalsRoot", 32), ("blobGasUsed", QuantityField),
        ("excessBlobGas", QuantityField), ("parentBeaconBlockRoot", 32), ("requestsHash", 32),
    ];

    // Members of a JSON block that are not header fields (the body, and values nodes derive).
    private static readonly HashSet<string> s_notHeader =
        ["hash", "size", "totalDifficulty", "transactions", "uncles", "withdrawals", "sealFields", "author"];

    public static byte[] Encode(JObject block)
    {
        var encoded = new List<byte[]>();
        bool ended = false;
        for (int i = 0; i < s_fields.Length; i++)
        {
            (string name, int size) = s_fields[i];
            if (block[name] is null || block[name]!.Type == JTokenType.Null)
            {
                if (i < FrontierFieldCount)
                {
                    throw new EvmReceiptProofException($"The block has no '{name}', which every header has.");
                }

                ended = true;
                continue;
            }

            if (ended)
            {
                throw new EvmReceiptProofException($"The block has '{name}' but lacks a field of an earlier fork; such a header has no defined encoding.");
            }

            string hex = JsonRpcHex.String(block, name, "the block");
            byte[] bytes = size == QuantityField ? JsonRpcHex.Quantity(hex, name) : JsonRpcHex.Data(hex, name);
            if (size > 0 && bytes.Length != size)
            {
                throw new EvmReceiptProofException($"The block's '{name}' is {bytes.Length} bytes; it must be {size}.");
            }

            encoded.Add(RLP.EncodeElement(bytes));
        }

        return RLP.EncodeList([.. encoded]);
    }

    /// <summary>Members of the JSON block that are neither encoded nor known to lie outside the header: the first suspects when the hash does not match.</summary>
    public static IEnumerable<string> UnknownMembers(JObject block) =>
        block.Properties().Select(p => p.Name).Where(n => !s_notHeader.Contains(n) && !s_fields.Any(f => f.Name == n));
}
