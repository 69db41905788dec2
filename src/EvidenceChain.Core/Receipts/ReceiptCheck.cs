namespace EvidenceChain.Core.Receipts;

/// <summary>The steps of receipt verification, in the order they run. Stable numbers.</summary>
public enum ReceiptCheck
{
    ReceiptFormat = 1,
    CheckpointSignatures = 2,
    CheckpointFormat = 3,
    Inclusion = 4,
    LeafFormat = 5,
    UnitsRootSha256 = 6,
    UnitsRootSm3 = 7,
    DepositorOpening = 8,
    Promise = 9,
    Anchors = 10,

    /// <summary>At least one RFC 3161 token verified under the verifier's TSA roots, each over a checkpoint that extends the receipt's.</summary>
    Timestamps = 11,
}
