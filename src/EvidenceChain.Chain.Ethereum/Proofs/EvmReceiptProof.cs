using System.Buffers;
using EvidenceChain.Core.Anchors;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// What <see cref="EvmReceiptProofBuilder"/> gathered for one transaction: its block's header as
/// hashed and the receipts trie proof of its receipt, both already checked against the block hash
/// and the header's receiptsRoot. With the anchored values it becomes the offline evidence that
/// Core's <see cref="EvmAnchorProof"/> verifies.
/// </summary>
/// <param name="TransactionHash">The transaction, 0x-hex.</param>
/// <param name="BlockHash">The block that holds it.</param>
/// <param name="BlockNumber">That block's number.</param>
/// <param name="HeaderRlp">The block header, RLP-encoded; its Keccak-256 is <paramref name="BlockHash"/>.</param>
/// <param name="TransactionIndex">The transaction's 0-based position in the block (the trie key is RLP of it).</param>
/// <param name="ProofNodes">The receipts trie nodes from the root to the receipt, root first.</param>
/// <param name="ReceiptCount">How many receipts the block's trie holds.</param>
public sealed record EvmReceiptProof(
    string TransactionHash,
    Digest BlockHash,
    ulong BlockNumber,
    byte[] HeaderRlp,
    ulong TransactionIndex,
    IReadOnlyList<byte[]> ProofNodes,
    int ReceiptCount)
{
    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The evidence that this transaction anchored (logId, treeSize, root) through the contract at <paramref name="contractAddress"/> (0x-hex).</summary>
    public EvmAnchorEvidence ToEvidence(string contractAddress, Digest logId, ulong treeSize, Digest root)
    {
        ArgumentNullException.ThrowIfNull(contractAddress);
        const int hexLength = 2 + (2 * EvmAnchorEvidence.AddressSizeInBytes);
        if (contractAddress.Length != hexLength || !contractAddress.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || contractAddress.AsSpan(2).ContainsAnyExcept(s_hexDigits))
        {
            throw new ArgumentException($"An address is 0x and 40 hex digits; got '{contractAddress}'.", nameof(contractAddress));
        }

        byte[] address = Convert.FromHexString(contractAddress.AsSpan(2));
        return new EvmAnchorEvidence(BlockHash, HeaderRlp, TransactionIndex, ProofNodes, address, logId, treeSize, root);
    }
}
