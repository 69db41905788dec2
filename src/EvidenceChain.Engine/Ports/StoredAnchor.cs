using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// One anchor of a checkpoint on a chain, as stored: written as <see cref="AnchorStatus.Pending"/>
/// before anything is sent, so a crash or an outage never loses it, then updated as it lands and
/// becomes final. <see cref="Inclusion"/> is null while pending.
/// </summary>
public sealed record StoredAnchor(ulong TreeSize, Digest Root, string Chain, AnchorStatus Status, ChainInclusion? Inclusion, long UpdatedAtMs);
