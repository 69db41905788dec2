using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// Everything needed to show offline that a block holds a successful transaction whose receipt
/// carries an EvidenceAnchor <c>Anchored(logId, treeSize, root, notary, timestamp)</c> event from a
/// given contract. Only <see cref="BlockHash"/>, <see cref="ContractAddress"/> and the anchored
/// values are trusted inputs; the header and proof nodes are checked against them.
/// </summary>
/// <param name="BlockHash">The hash of the block, from a source the verifier trusts (several nodes, an explorer): the proof says nothing about whether this block is canonical or final.</param>
/// <param name="HeaderRlp">The block header, RLP-encoded exactly as hashed, with every field the block's fork defines.</param>
/// <param name="TransactionIndex">The 0-based position of the anchoring transaction in the block.</param>
/// <param name="ProofNodes">The receipts trie nodes on the path to key RLP(<paramref name="TransactionIndex"/>), root first; nodes shorter than 32 bytes stay embedded in their parent.</param>
/// <param name="ContractAddress">The EvidenceAnchor contract's address, exactly 20 bytes.</param>
/// <param name="LogId">SHA-256 of the log's origin, as the contract names a log.</param>
/// <param name="TreeSize">The anchored checkpoint's tree size.</param>
/// <param name="Root">The anchored checkpoint's root.</param>
public sealed record EvmAnchorEvidence(
    Digest BlockHash,
    byte[] HeaderRlp,
    ulong TransactionIndex,
    IReadOnlyList<byte[]> ProofNodes,
    byte[] ContractAddress,
    Digest LogId,
    ulong TreeSize,
    Digest Root)
{
    /// <summary>The length of an Ethereum address in bytes.</summary>
    public const int AddressSizeInBytes = 20;
}
