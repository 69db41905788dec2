namespace EvidenceChain.DepositCertificates;

/// <summary>
/// What the notary states on a certificate it issues that the receipt does not prove, each observed at issuance and
/// marked on the page as the notary's claim: when it signed the checkpoint the receipt's proof leads to, and each
/// proven anchor's depth as its own chain node saw it. An offline reading aid has none.
/// </summary>
/// <param name="CheckpointSignedAt">When the notary signed the receipt's checkpoint, as its store recorded it.</param>
/// <param name="AnchoringOn">Whether the service anchors to a chain: with no proven anchor, it tells "off" from "not landed yet".</param>
/// <param name="AnchorDepths">One per proven anchor of the certificate's receipt, in the receipt's order.</param>
public sealed record IssuanceClaims(DateTimeOffset CheckpointSignedAt, bool AnchoringOn, IReadOnlyList<AnchorDepthClaim> AnchorDepths);
