namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// What "final" meant on the node, for the report: at or below its <see cref="Finalized"/> block when
/// it has that tag; otherwise at least <see cref="DepthMin"/> blocks below its <see cref="Head"/>.
/// Exactly one of the two blocks is set.
/// </summary>
internal sealed record ChainFinality(ChainBlock? Finalized, ChainBlock? Head, ulong DepthMin)
{
    public bool IsFinal(ulong blockNumber) => Finalized is ChainBlock finalized
        ? blockNumber <= finalized.Number
        : Head!.Number >= blockNumber && Head.Number - blockNumber >= DepthMin;
}
