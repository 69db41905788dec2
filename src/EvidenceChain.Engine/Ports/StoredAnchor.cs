using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// One anchor of a checkpoint on a chain, as stored: written as <see cref="AnchorStatus.Pending"/>
/// before anything is sent, with each signed transaction recorded before it is broadcast, then
/// updated as it lands, is proven and becomes final. Keyed by (target, tree size).
/// </summary>
public sealed record StoredAnchor(
    ulong TreeSize,
    Digest Root,
    AnchorTarget Target,
    AnchorStatus Status,
    IReadOnlyList<AnchorAttempt> Attempts,
    ChainInclusion? Inclusion,
    InclusionProof? Proof,
    long UpdatedAtMs);
