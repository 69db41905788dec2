using System.Text.Json;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// One entry of a receipt's <c>anchors</c> section of type <c>evm</c> (receipt.md §Anchors): the
/// checkpoint (<paramref name="TreeSize"/>, <paramref name="Root"/>) anchored by the EvidenceAnchor
/// contract, the consistency proof from the receipt's own checkpoint to it, and, once it landed,
/// where and the proof of it. <paramref name="Contract"/>, the log id and the root are 0x-hex, so
/// any Ethereum client finds the anchor from them; the consistency proof is base64 like tlog-proof.
/// </summary>
public sealed record EvmAnchorSection(
    AnchorState Status,
    long ChainId,
    string Contract,
    Digest LogId,
    ulong TreeSize,
    Digest Root,
    IReadOnlyList<Digest> ConsistencyProof,
    EvmLanding? Landing)
{
    public const string Type = "evm";
    private const int ProofNodesMax = 64;

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        writer.WriteString("status", StatusName(Status));
        writer.WriteNumber("chain_id", ChainId);
        writer.WriteString("contract", Contract);
        writer.WriteString("log_id", Hex(LogId));
        writer.WriteNumber("tree_size", TreeSize);
        writer.WriteString("root", Hex(Root));
        writer.WriteStartArray("consistency_proof");
        foreach (Digest hash in ConsistencyProof)
        {
            writer.WriteStringValue(hash.ToBase64());
        }

        writer.WriteEndArray();
        if (Landing is EvmLanding landing)
        {
            writer.WriteString("transaction_hash", landing.TransactionHash);
            writer.WriteNumber("transaction_index", landing.TransactionIndex);
            writer.WriteNumber("block_number", landing.BlockNumber);
            writer.WriteString("block_hash", landing.BlockHash);
            writer.WriteNumber("block_time", landing.BlockTime);
            writer.WriteNumber("log_index", landing.LogIndex);
            writer.WriteString("block_header", "0x" + Convert.ToHexStringLower(landing.BlockHeader));
            writer.WriteStartArray("receipt_proof");
            foreach (byte[] node in landing.ReceiptProof)
            {
                writer.WriteStringValue("0x" + Convert.ToHexStringLower(node));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an <c>evm</c> entry; false with a reason when a member is missing or malformed.</summary>
    public static bool TryRead(JsonElement element, out EvmAnchorSection? section, out string reason)
    {
        section = null;
        reason = "";
        if (!TryStatus(Json.GetString(element, "status"), out AnchorState status)
            || !Json.TryGetUInt64(element, "chain_id", out ulong chainIdValue) || chainIdValue is 0 or > long.MaxValue
            || !TryAddress(Json.GetString(element, "contract"), out string contract)
            || !TryDigest(Json.GetString(element, "log_id"), out Digest logId)
            || !Json.TryGetUInt64(element, "tree_size", out ulong treeSize) || treeSize == 0
            || !TryDigest(Json.GetString(element, "root"), out Digest root)
            || !TryConsistencyProof(element, out List<Digest> proof))
        {
            reason = "an evm anchor needs status, chain_id, contract, log_id, tree_size, root and consistency_proof";
            return false;
        }

        EvmLanding? landing = null;
        if (element.TryGetProperty("transaction_hash", out _) && !TryLanding(element, out landing))
        {
            reason = "an evm anchor's landing needs transaction_hash, transaction_index, block_number, block_hash, block_time, log_index, block_header and receipt_proof";
            return false;
        }

        if (landing is null && status is AnchorState.Included or AnchorState.Final)
        {
            reason = $"an anchor said to be {StatusName(status)} must say where it landed";
            return false;
        }

        section = new EvmAnchorSection(status, (long)chainIdValue, contract, logId, treeSize, root, proof, landing);
        return true;
    }

    public static string StatusName(AnchorState status) => status switch
    {
        AnchorState.Pending => "pending",
        AnchorState.Included => "included",
        AnchorState.Final => "final",
        AnchorState.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static bool TryStatus(string? name, out AnchorState status)
    {
        status = name switch
        {
            "pending" => AnchorState.Pending,
            "included" => AnchorState.Included,
            "final" => AnchorState.Final,
            "lost" => AnchorState.Lost,
            _ => 0,
        };
        return status != 0;
    }

    private static bool TryLanding(JsonElement element, out EvmLanding? landing)
    {
        landing = null;
        if (!TryHash(Json.GetString(element, "transaction_hash"), out string transactionHash)
            || !Json.TryGetUInt64(element, "transaction_index", out ulong transactionIndex)
            || !Json.TryGetUInt64(element, "block_number", out ulong blockNumber)
            || !TryHash(Json.GetString(element, "block_hash"), out string blockHash)
            || !Json.TryGetUInt64(element, "block_time", out ulong blockTime)
            || !Json.TryGetUInt64(element, "log_index", out ulong logIndex)
            || !TryBytes(Json.GetString(element, "block_header"), out byte[] header)
            || !element.TryGetProperty("receipt_proof", out JsonElement proofElement) || proofElement.ValueKind != JsonValueKind.Array
            || proofElement.GetArrayLength() is 0 or > ProofNodesMax)
        {
            return false;
        }

        var nodes = new List<byte[]>();
        foreach (JsonElement node in proofElement.EnumerateArray())
        {
            if (node.ValueKind != JsonValueKind.String || !TryBytes(node.GetString(), out byte[] bytes))
            {
                return false;
            }

            nodes.Add(bytes);
        }

        landing = new EvmLanding(transactionHash, transactionIndex, blockNumber, blockHash, blockTime, logIndex, header, nodes);
        return true;
    }

    private static bool TryConsistencyProof(JsonElement element, out List<Digest> proof)
    {
        proof = [];
        if (!element.TryGetProperty("consistency_proof", out JsonElement array) || array.ValueKind != JsonValueKind.Array
            || array.GetArrayLength() > Merkle.ProofPlan.ProofLengthMax)
        {
            return false;
        }

        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Digest.TryFromBase64(item.GetString()!, out Digest hash))
            {
                return false;
            }

            proof.Add(hash);
        }

        return true;
    }

    private static string Hex(Digest digest) => "0x" + digest.ToHex();

    private static bool TryDigest(string? text, out Digest digest)
    {
        digest = default;
        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Receipt.TryHex(text[2..], out digest);
    }

    private static bool TryHash(string? text, out string hash)
    {
        hash = text ?? "";
        return TryDigest(text, out _);
    }

    private static bool TryAddress(string? text, out string address)
    {
        address = text ?? "";
        return text is { Length: 42 } && text.StartsWith("0x", StringComparison.Ordinal) && text.Skip(2).All(char.IsAsciiHexDigitLower);
    }

    private static bool TryBytes(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0 || text.Length == 2
            || !text.Skip(2).All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        bytes = Convert.FromHexString(text.AsSpan(2));
        return true;
    }
}
