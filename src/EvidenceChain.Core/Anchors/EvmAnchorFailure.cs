namespace EvidenceChain.Core.Anchors;

/// <summary>
/// Why an Ethereum anchor proof failed. Members name the rule broken and are listed in the order
/// <see cref="EvmAnchorProof.Verify"/> checks them; the numbers are stable (they appear in reports)
/// and are never reused.
/// </summary>
public enum EvmAnchorFailure
{
    /// <summary>Nothing failed.</summary>
    None = 0,

    // The block header, which must hash to the block hash the caller trusts.

    /// <summary>The header's Keccak-256 is not the block hash: it is another block's header, or altered.</summary>
    HeaderHashMismatch = 1,

    /// <summary>The header is not canonical RLP of at least 15 fields with a 32-byte receiptsRoot and 64-bit number and timestamp, or is over the length limit.</summary>
    MalformedHeader = 2,

    // The receipts trie proof (yellow paper appendix D), from the header's receiptsRoot.

    /// <summary>The proof has more nodes, or a node more bytes, than any receipt proof needs.</summary>
    ProofTooLong = 10,

    /// <summary>The first proof node does not hash to the header's receiptsRoot.</summary>
    ProofRootMismatch = 11,

    /// <summary>A proof node does not hash to the reference its parent holds.</summary>
    ProofNodeHashMismatch = 12,

    /// <summary>A proof node is not a canonical branch, extension or leaf, or references a child in a form a trie never uses.</summary>
    MalformedProofNode = 13,

    /// <summary>The proof ends before it reaches the receipt.</summary>
    ProofIncomplete = 14,

    /// <summary>The proof goes on after the receipt.</summary>
    ProofHasExtraNodes = 15,

    /// <summary>The proof shows that the block has no receipt at the transaction index.</summary>
    ReceiptNotInTrie = 16,

    // The receipt and its Anchored event.

    /// <summary>The receipt or one of its logs is not in the form of a typed or legacy receipt.</summary>
    MalformedReceipt = 20,

    /// <summary>The transaction failed (status 0), or its pre-Byzantium receipt does not say it succeeded.</summary>
    TransactionFailed = 21,

    /// <summary>No log of the receipt is an Anchored event from the contract.</summary>
    NoAnchoredEvent = 30,

    /// <summary>No Anchored event from the contract carries the evidence's logId.</summary>
    LogIdMismatch = 31,

    /// <summary>No Anchored event of that log carries the evidence's tree size.</summary>
    TreeSizeMismatch = 32,

    /// <summary>No Anchored event of that log and size carries the evidence's root.</summary>
    RootMismatch = 33,
}
