using Nethereum.RLP;
using Newtonsoft.Json.Linq;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// Encodes a receipt from the JSON of eth_getBlockReceipts or eth_getTransactionReceipt as the
/// receipts trie stores it: RLP([status, cumulativeGasUsed, logsBloom, logs]) with each log
/// [address, topics, data]; a typed receipt (EIP-2718) is its type byte followed by that list.
/// A pre-Byzantium receipt carries a 32-byte post-state root where the status is (EIP-658).
/// </summary>
internal static class EvmReceiptRlp
{
    private const int LogsBloomSizeInBytes = 256;
    private const int TypeMax = 0x7f;

    public static byte[] Encode(JObject receipt)
    {
        const string what = "a receipt";
        ulong type = receipt["type"] is null ? 0 : JsonRpcHex.UInt64(JsonRpcHex.String(receipt, "type", what), "type");
        if (type > TypeMax)
        {
            throw new EvmReceiptProofException($"Receipt type {type} is not an EIP-2718 type (0 to 0x7f).");
        }

        byte[] statusOrRoot = receipt["status"] is { Type: JTokenType.String }
            ? JsonRpcHex.Quantity(JsonRpcHex.String(receipt, "status", what), "status")
            : JsonRpcHex.Data(JsonRpcHex.String(receipt, "root", what), "root");
        byte[] bloom = JsonRpcHex.Data(JsonRpcHex.String(receipt, "logsBloom", what), "logsBloom");
        if (bloom.Length != LogsBloomSizeInBytes)
        {
            throw new EvmReceiptProofException($"A receipt's logsBloom is {bloom.Length} bytes; it must be {LogsBloomSizeInBytes}.");
        }

        var logs = new List<byte[]>();
        foreach (JObject log in (receipt["logs"] as JArray ?? throw new EvmReceiptProofException("A receipt has no logs array.")).Cast<JObject>())
        {
            byte[][] topics = (log["topics"] as JArray ?? throw new EvmReceiptProofException("A log has no topics array."))
                .Select(t => RLP.EncodeElement(JsonRpcHex.Data((string)t!, "topic")))
                .ToArray();
            logs.Add(RLP.EncodeList(
                RLP.EncodeElement(JsonRpcHex.Data(JsonRpcHex.String(log, "address", "a log"), "address")),
                RLP.EncodeList(topics),
                RLP.EncodeElement(JsonRpcHex.Data(JsonRpcHex.String(log, "data", "a log"), "data"))));
        }

        byte[] body = RLP.EncodeList(
            RLP.EncodeElement(statusOrRoot),
            RLP.EncodeElement(JsonRpcHex.Quantity(JsonRpcHex.String(receipt, "cumulativeGasUsed", what), "cumulativeGasUsed")),
            RLP.EncodeElement(bloom),
            RLP.EncodeList([.. logs]));
        return type == 0 ? body : [(byte)type, .. body];
    }
}
