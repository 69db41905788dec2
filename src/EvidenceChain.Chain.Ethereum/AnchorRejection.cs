namespace EvidenceChain.Chain.Ethereum;

/// <summary>Why the contract refused a call (its custom errors). Stable numbers.</summary>
public enum AnchorRejection
{
    RootAlreadyAnchored = 1,
    TreeSizeMustGrow = 2,
    NotNotary = 3,
    NotOwner = 4,
}
