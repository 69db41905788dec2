namespace EvidenceChain.Engine.Ports;

/// <summary>
/// What lets a verifier check an inclusion offline: the block header (RLP) whose hash is the block
/// hash, and the Merkle-Patricia proof (RLP nodes, root first) of the transaction's receipt in the
/// header's receipts root.
/// </summary>
public sealed record InclusionProof(byte[] BlockHeader, IReadOnlyList<byte[]> ReceiptProof);
