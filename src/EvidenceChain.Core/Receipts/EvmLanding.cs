namespace EvidenceChain.Core.Receipts;

/// <summary>
/// Where an EVM anchor landed, with what proves it offline: the block header (RLP, hashing to
/// <paramref name="BlockHash"/>) and the Merkle-Patricia proof of the transaction's receipt.
/// Hashes are 0x-prefixed lowercase hex, as Ethereum tools print them.
/// </summary>
public sealed record EvmLanding(
    string TransactionHash,
    ulong TransactionIndex,
    ulong BlockNumber,
    string BlockHash,
    ulong BlockTime,
    ulong LogIndex,
    byte[] BlockHeader,
    IReadOnlyList<byte[]> ReceiptProof);
