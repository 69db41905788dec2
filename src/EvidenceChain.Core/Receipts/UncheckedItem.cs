namespace EvidenceChain.Core.Receipts;

/// <summary>What a verification did not check, so a report can say so plainly. Stable numbers.</summary>
public enum UncheckedItem
{
    /// <summary>No content and salt file were given, so the commitments were not recomputed.</summary>
    Content = 1,

    /// <summary>The receipt has no depositor opening: who deposited is not shown.</summary>
    DepositorOpening = 2,

    /// <summary>The receipt has no promise.</summary>
    Promise = 3,

    /// <summary>A chain anchor that proves nothing yet (pending), no longer (lost), or is of a kind this verifier does not know.</summary>
    Anchors = 4,

    /// <summary>Timestamp entries this verifier does not check: of a kind it does not know, or in a v1 receipt, which leaves them unspecified. The detail is an English sentence.</summary>
    Timestamps = 5,

    /// <summary>Signatures from keys not in the trust list were ignored.</summary>
    UnknownSignatures = 6,

    /// <summary>Receipt members this version does not know were ignored.</summary>
    UnknownMembers = 7,

    /// <summary>No trusted key of this algorithm for the log was given, so its signature was not checked.</summary>
    MissingAlgorithm = 8,

    /// <summary>Always: that the notary showed everyone the same log (needs witnesses or a later consistency proof).</summary>
    LogConsistency = 9,

    /// <summary>Unless a token of an independent TSA verified: the times are the notary's own claim.</summary>
    TrustedTime = 10,

    /// <summary>Whether a proven anchor's block is on the chain's canonical history, at what depth: needs a node.</summary>
    AnchorCanonicality = 11,

    /// <summary>RFC 3161 tokens were not checked because the verifier was given no TSA root to trust; the detail is their count.</summary>
    TimestampTrust = 12,
}
