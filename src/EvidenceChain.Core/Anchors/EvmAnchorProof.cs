using System.Buffers.Binary;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// Offline proof that an Ethereum block holds an EvidenceAnchor anchor (contracts/EvidenceAnchor.sol):
/// a successful transaction whose receipt carries
/// <c>Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 root, address indexed notary, uint64 timestamp)</c>
/// from the given contract. The chain of trust runs from the block hash, which the caller trusts,
/// to the header (Keccak-256 of its RLP), to the header's receiptsRoot, through the receipts trie
/// (key RLP(transactionIndex); yellow paper appendix D) to the receipt and its log. Nothing is
/// fetched: a court needs only the evidence and a block hash it trusts.
/// </summary>
/// <remarks>
/// Not checked: that the block is on the canonical chain and final (that is what trusting the
/// block hash means), which transaction made the receipt (the transactions trie is not proven;
/// the event and the contract address are what matter), and who the notary was beyond the
/// contract's own allow-list.
/// </remarks>
public static class EvmAnchorProof
{
    /// <summary>The Solidity signature whose Keccak-256 is the event's first topic.</summary>
    public const string AnchoredEventSignature = "Anchored(bytes32,uint64,bytes32,address,uint64)";

    /// <summary>
    /// The longest header accepted, in bytes. Mainnet headers are about 600 bytes; the limit leaves
    /// room for chains that put validator lists in extraData.
    /// </summary>
    public const int HeaderLengthMax = 64 * 1024;

    /// <summary>
    /// The most proof nodes accepted: RLP(transactionIndex) is at most 9 bytes, 18 nibbles, and every
    /// node on the path but the last consumes at least one nibble.
    /// </summary>
    public const int ProofNodeCountMax = (2 * Rlp.UInt64EncodingLengthMax) + 1;

    /// <summary>
    /// The longest proof node accepted, in bytes. A leaf holds a whole receipt, whose log data is
    /// bounded only by the block's gas; 32 MiB is several times what a 60-million-gas block can emit.
    /// </summary>
    public const int ProofNodeLengthMax = 32 * 1024 * 1024;

    private const int WordSizeInBytes = 32;

    private static readonly Digest s_anchoredTopic = Keccak256.HashData(System.Text.Encoding.ASCII.GetBytes(AnchoredEventSignature));

    /// <summary>
    /// Checks, in this order and stopping at the first failure: the header hashes to the block
    /// hash; the header is well formed; the proof leads from its receiptsRoot to the receipt at the
    /// transaction index; the receipt is well formed and its status is success; one of its logs
    /// is an Anchored event from the contract with the evidence's logId, tree size and root.
    /// </summary>
    /// <exception cref="ArgumentNullException">The evidence, its header, proof list, a proof node or the contract address is null.</exception>
    /// <exception cref="ArgumentException">The contract address is not exactly 20 bytes.</exception>
    public static EvmAnchorVerdict Verify(EvmAnchorEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(evidence.HeaderRlp);
        ArgumentNullException.ThrowIfNull(evidence.ProofNodes);
        ArgumentNullException.ThrowIfNull(evidence.ContractAddress);
        if (evidence.ContractAddress.Length != EvmAnchorEvidence.AddressSizeInBytes)
        {
            throw Error.WrongLength(nameof(evidence.ContractAddress), EvmAnchorEvidence.AddressSizeInBytes, evidence.ContractAddress.Length);
        }

        foreach (byte[] node in evidence.ProofNodes)
        {
            ArgumentNullException.ThrowIfNull(node, nameof(evidence.ProofNodes));
        }

        EvmAnchorVerdict verdict = VerifyHeader(evidence, out EvmBlockHeader header);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        return VerifyReceipt(evidence, header).WithBlock(header.Number, header.TimestampSeconds);
    }

    // The header is hashed before it is parsed: nothing it says counts until it is the block's.
    private static EvmAnchorVerdict VerifyHeader(EvmAnchorEvidence evidence, out EvmBlockHeader header)
    {
        header = default;
        if (evidence.HeaderRlp.Length > HeaderLengthMax)
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedHeader, $"the header is {evidence.HeaderRlp.Length} bytes; at most {HeaderLengthMax} are accepted");
        }

        Digest hash = Keccak256.HashData(evidence.HeaderRlp);
        if (hash != evidence.BlockHash)
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.HeaderHashMismatch, $"the header hashes to {hash.ToHex()} but the block hash is {evidence.BlockHash.ToHex()}");
        }

        return EvmBlockHeader.TryRead(evidence.HeaderRlp, out header, out string error)
            ? EvmAnchorVerdict.Valid
            : EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedHeader, error);
    }

    private static EvmAnchorVerdict VerifyReceipt(EvmAnchorEvidence evidence, in EvmBlockHeader header)
    {
        IReadOnlyList<byte[]> nodes = evidence.ProofNodes;
        if (nodes.Count > ProofNodeCountMax)
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofTooLong, $"the proof has {nodes.Count} nodes; a receipt proof has at most {ProofNodeCountMax}");
        }

        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Length > ProofNodeLengthMax)
            {
                return EvmAnchorVerdict.Fail(EvmAnchorFailure.ProofTooLong, $"proof node {i} is {nodes[i].Length} bytes; at most {ProofNodeLengthMax} are accepted");
            }
        }

        Span<byte> key = stackalloc byte[Rlp.UInt64EncodingLengthMax];
        key = key[..Rlp.WriteUInt64(evidence.TransactionIndex, key)];
        EvmAnchorVerdict verdict = MerklePatriciaProof.Verify(header.ReceiptsRoot, key, nodes, out ReadOnlySpan<byte> value);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        if (!EvmReceipt.TryDecode(value, out EvmReceipt receipt, out string error))
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedReceipt, $"the receipt of transaction {evidence.TransactionIndex}: {error}");
        }

        ReadOnlySpan<byte> status = receipt.Status.Payload;
        if (status.Length == Digest.SizeInBytes)
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.TransactionFailed, $"the receipt of transaction {evidence.TransactionIndex} is pre-Byzantium (a state root, no status), so it does not say the transaction succeeded");
        }

        if (!(status.Length == 1 && status[0] == 1))
        {
            return status.IsEmpty
                ? EvmAnchorVerdict.Fail(EvmAnchorFailure.TransactionFailed, $"transaction {evidence.TransactionIndex} failed (status 0)")
                : EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedReceipt, $"the receipt of transaction {evidence.TransactionIndex} has status 0x{Convert.ToHexStringLower(status)}, neither 0 nor 1");
        }

        return FindAnchoredEvent(evidence, receipt);
    }

    // Of the Anchored events from the contract, the first that matches all three values wins; when
    // none does, the failure names the first value that no candidate had (logId, then tree size,
    // then root), so a wrong size is reported as such even when the root would also differ.
    private static EvmAnchorVerdict FindAnchoredEvent(EvmAnchorEvidence evidence, EvmReceipt receipt)
    {
        Span<byte> treeSizeWord = stackalloc byte[WordSizeInBytes];
        treeSizeWord.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(treeSizeWord[(WordSizeInBytes - sizeof(ulong))..], evidence.TreeSize);
        int logCount = 0;
        int candidates = 0;
        int logIdMatches = 0;
        int treeSizeMatches = 0;
        var seen = new System.Text.StringBuilder();
        ReadOnlySpan<byte> logs = receipt.Logs.Payload;
        while (!logs.IsEmpty)
        {
            if (!EvmReceipt.TryReadLog(ref logs, out ReadOnlySpan<byte> address, out RlpItem topics, out int topicCount, out ReadOnlySpan<byte> data, out string error))
            {
                return EvmAnchorVerdict.Fail(EvmAnchorFailure.MalformedReceipt, $"log {logCount} of transaction {evidence.TransactionIndex}: {error}");
            }

            logCount++;
            if (!address.SequenceEqual(evidence.ContractAddress) || topicCount != 4 || data.Length < WordSizeInBytes
                || !Rlp.ItemAt(topics, 0).Payload.SequenceEqual(Digest.AsBytes(s_anchoredTopic)))
            {
                continue;
            }

            candidates++;
            ReadOnlySpan<byte> logId = Rlp.ItemAt(topics, 1).Payload;
            ReadOnlySpan<byte> treeSize = Rlp.ItemAt(topics, 2).Payload;
            ReadOnlySpan<byte> root = data[..WordSizeInBytes];
            seen.Append(seen.Length == 0 ? string.Empty : "; ")
                .Append("logId ").Append(Convert.ToHexStringLower(logId))
                .Append(", tree size word ").Append(Convert.ToHexStringLower(treeSize))
                .Append(", root ").Append(Convert.ToHexStringLower(root));
            if (!logId.SequenceEqual(Digest.AsBytes(evidence.LogId)))
            {
                continue;
            }

            logIdMatches++;
            if (!treeSize.SequenceEqual(treeSizeWord))
            {
                continue;
            }

            treeSizeMatches++;
            if (root.SequenceEqual(Digest.AsBytes(evidence.Root)))
            {
                return EvmAnchorVerdict.Valid;
            }
        }

        string contract = "0x" + Convert.ToHexStringLower(evidence.ContractAddress);
        string wanted = $"logId {evidence.LogId.ToHex()}, tree size {evidence.TreeSize}, root {evidence.Root.ToHex()}";
        if (candidates == 0)
        {
            return EvmAnchorVerdict.Fail(EvmAnchorFailure.NoAnchoredEvent, $"none of the {logCount} logs of transaction {evidence.TransactionIndex} is an Anchored event from {contract}");
        }

        EvmAnchorFailure failure = logIdMatches == 0 ? EvmAnchorFailure.LogIdMismatch
            : treeSizeMatches == 0 ? EvmAnchorFailure.TreeSizeMismatch
            : EvmAnchorFailure.RootMismatch;
        return EvmAnchorVerdict.Fail(failure, $"the Anchored events from {contract} carry [{seen}] but the evidence wants {wanted}");
    }
}
