using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// What the chain node said about the receipt's proven anchors: the node and its chain, the rule
/// that made a block final there, the anchors that held (in receipt order), and the first that did
/// not, with a technical detail in English that names what was got and what was wanted.
/// </summary>
internal sealed record CanonicalityReport(
    string Endpoint,
    long ChainId,
    ChainFinality? Finality,
    IReadOnlyList<EvmAnchorSection> Confirmed,
    CanonicalityFailure Failure,
    string Detail)
{
    public bool IsValid => Failure == CanonicalityFailure.None;
}
