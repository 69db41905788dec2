namespace EvidenceChain.Core.Anchors;

/// <summary>
/// A transaction receipt as the receipts trie stores it: legacy receipts are the RLP list
/// [status, cumulativeGasUsed, logsBloom, logs]; typed receipts (EIP-2718) are a type byte below
/// 0x80 followed by that list. Each log is [address, [topics], data]. Fields after the fourth (as
/// some rollups add) are framed but not read. A 32-byte first field is a pre-Byzantium post-state
/// root instead of a status (EIP-658).
/// </summary>
internal readonly ref struct EvmReceipt
{
    private const int FieldCountMin = 4;
    private const int TopicCountMax = 4;
    private const int TopicSizeInBytes = 32;

    private EvmReceipt(byte type, RlpItem status, RlpItem logs)
    {
        Type = type;
        Status = status;
        Logs = logs;
    }

    /// <summary>The EIP-2718 type; 0 for a legacy receipt.</summary>
    public byte Type { get; }

    public RlpItem Status { get; }

    public RlpItem Logs { get; }

    public static bool TryDecode(ReadOnlySpan<byte> encoded, out EvmReceipt receipt, out string error)
    {
        receipt = default;
        if (encoded.IsEmpty)
        {
            error = "the receipt is empty";
            return false;
        }

        byte type = 0;
        ReadOnlySpan<byte> body = encoded;
        if (encoded[0] < 0x80)
        {
            type = encoded[0];
            body = encoded[1..];
        }

        if (!Rlp.TryDecode(body, out RlpItem list, out error))
        {
            return false;
        }

        if (!list.IsList)
        {
            error = $"a type-{type} receipt's body is a string, not a list";
            return false;
        }

        if (!Rlp.TryCountItems(list, out int fieldCount, out error))
        {
            return false;
        }

        if (fieldCount < FieldCountMin)
        {
            error = $"the receipt has {fieldCount} fields; at least {FieldCountMin} are needed";
            return false;
        }

        RlpItem status = Rlp.ItemAt(list, 0);
        RlpItem logs = Rlp.ItemAt(list, 3);
        if (status.IsList || !logs.IsList)
        {
            error = "the status must be a string and the logs a list";
            return false;
        }

        receipt = new EvmReceipt(type, status, logs);
        return true;
    }

    /// <summary>Reads one log from the logs list; <paramref name="topics"/> is the topics list, already checked to hold 32-byte strings.</summary>
    public static bool TryReadLog(scoped ref ReadOnlySpan<byte> logs, out ReadOnlySpan<byte> address, out RlpItem topics, out int topicCount, out ReadOnlySpan<byte> data, out string error)
    {
        address = default;
        topics = default;
        topicCount = 0;
        data = default;
        if (!Rlp.TryReadNext(ref logs, out RlpItem log, out error))
        {
            return false;
        }

        if (!log.IsList || !Rlp.TryCountItems(log, out int itemCount, out error) || itemCount != 3)
        {
            error = "a log is not a list of [address, topics, data]";
            return false;
        }

        RlpItem addressItem = Rlp.ItemAt(log, 0);
        topics = Rlp.ItemAt(log, 1);
        RlpItem dataItem = Rlp.ItemAt(log, 2);
        if (addressItem.IsList || addressItem.Payload.Length != EvmAnchorEvidence.AddressSizeInBytes || !topics.IsList || dataItem.IsList)
        {
            error = "a log's address is not 20 bytes, its topics not a list or its data not a string";
            return false;
        }

        ReadOnlySpan<byte> rest = topics.Payload;
        while (!rest.IsEmpty)
        {
            if (!Rlp.TryReadNext(ref rest, out RlpItem topic, out error) || topic.IsList || topic.Payload.Length != TopicSizeInBytes)
            {
                error = "a log topic is not a 32-byte string";
                return false;
            }

            topicCount++;
        }

        if (topicCount > TopicCountMax)
        {
            error = $"a log has {topicCount} topics; the EVM emits at most {TopicCountMax}";
            return false;
        }

        address = addressItem.Payload;
        data = dataItem.Payload;
        error = string.Empty;
        return true;
    }
}
