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
    HeaderHashMismatch = 1,
    MalformedHeader = 2,

    // The receipts trie proof (yellow paper appendix D), from the header's receiptsRoot.
    ProofTooLong = 10,
    ProofRootMismatch = 11,
    ProofNodeHashMismatch = 12,
    MalformedProofNode = 13,
    ProofIncomplete = 14,
    ProofHasExtraNodes = 15,
    ReceiptNotInTrie = 16,

    // The receipt and its Anchored event.
    MalformedReceipt = 20,
    TransactionFailed = 21,
    NoAnchoredEvent = 30,
    LogIdMismatch = 31,
    TreeSizeMismatch = 32,
    RootMismatch = 33,
}
