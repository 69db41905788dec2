namespace EvidenceChain.DepositCertificates;

/// <summary>What the notary's own chain node told about one proven anchor when a certificate was issued. Stable numbers.</summary>
public enum AnchorDepthObservation
{
    /// <summary>The node had the anchor's block on its chain: the depth is its head's number less the block's, plus one.</summary>
    Observed = 1,

    /// <summary>The service anchors nowhere now, so it asked no node.</summary>
    AnchoringOff = 2,

    /// <summary>The anchor is on another chain or contract than the one the service anchors to now.</summary>
    OtherChain = 3,

    /// <summary>The node did not answer in time.</summary>
    NodeDidNotAnswer = 4,

    /// <summary>The node had another block, or none, at the anchor's height: a reorganization the receipt does not show yet.</summary>
    BlockNotOnNodeChain = 5,
}
