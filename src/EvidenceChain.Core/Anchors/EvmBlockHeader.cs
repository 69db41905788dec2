using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// The fields an anchor proof reads from an RLP-encoded block header (yellow paper §4.3):
/// receiptsRoot (field 5), number (8) and timestamp (11). Forks append fields (baseFeePerGas,
/// withdrawalsRoot, blob gas, parentBeaconBlockRoot, requestsHash, …), so only the 15 fields every
/// header has since Frontier are required; later ones are checked for framing and otherwise
/// ignored, since the block hash already commits to them.
/// </summary>
internal readonly record struct EvmBlockHeader(Digest ReceiptsRoot, ulong Number, ulong TimestampSeconds)
{
    private const int ReceiptsRootField = 5;
    private const int NumberField = 8;
    private const int TimestampField = 11;
    private const int FrontierFieldCount = 15;

    public static bool TryRead(ReadOnlySpan<byte> headerRlp, out EvmBlockHeader header, out string error)
    {
        header = default;
        if (!Rlp.TryDecode(headerRlp, out RlpItem list, out error))
        {
            return false;
        }

        if (!list.IsList)
        {
            error = "the header is a string, not a list";
            return false;
        }

        if (!Rlp.TryCountItems(list, out int fieldCount, out error))
        {
            return false;
        }

        if (fieldCount < FrontierFieldCount)
        {
            error = $"the header has {fieldCount} fields; every header has at least {FrontierFieldCount}";
            return false;
        }

        RlpItem receiptsRoot = Rlp.ItemAt(list, ReceiptsRootField);
        if (receiptsRoot.IsList || receiptsRoot.Payload.Length != Digest.SizeInBytes)
        {
            error = $"receiptsRoot (field {ReceiptsRootField}) is not a 32-byte string";
            return false;
        }

        if (!Rlp.TryReadUInt64(Rlp.ItemAt(list, NumberField), out ulong number, out error))
        {
            error = $"number (field {NumberField}): {error}";
            return false;
        }

        if (!Rlp.TryReadUInt64(Rlp.ItemAt(list, TimestampField), out ulong timestamp, out error))
        {
            error = $"timestamp (field {TimestampField}): {error}";
            return false;
        }

        header = new EvmBlockHeader(Digest.Read(receiptsRoot.Payload), number, timestamp);
        return true;
    }
}
