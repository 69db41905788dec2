using System.Diagnostics;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The part of an anchor that needs a node (receipt.md §Anchors): Core has shown offline that a block
/// with the receipt's hash holds the anchor; this asks a node the verifier trusts whether that block
/// is on the chain's canonical history and final. In this order, stopping at the first failure: the
/// node serves the anchor's chain (<c>eth_chainId</c>); the node's canonical block at the anchor's
/// number has exactly the anchor's hash; and it is final — at or below the node's <c>finalized</c>
/// block when the node has that tag, else at least <c>depthMin</c> blocks below its head.
/// Only anchors that passed the offline checks may be given: canonicality of an unproven block says nothing.
/// </summary>
internal static class AnchorCanonicality
{
    public static async Task<CanonicalityReport> CheckAsync(IChainNode node, IReadOnlyList<EvmAnchorSection> provenAnchors, ulong depthMin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(provenAnchors);
        Debug.Assert(provenAnchors.All(a => a.Landing is not null), "only anchors proven offline, which have landed, are checked on chain");
        long chainId = await node.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        var confirmed = new List<EvmAnchorSection>();
        ChainFinality? finality = null;
        foreach (EvmAnchorSection anchor in provenAnchors)
        {
            EvmLanding landing = anchor.Landing!;
            string name = $"the anchor of tree size {anchor.TreeSize} in block {landing.BlockNumber}";
            if (anchor.ChainId != chainId)
            {
                return Fail(CanonicalityFailure.AnchorChainIdMismatch, $"{name} is on chain {anchor.ChainId}, but the node at {node.Endpoint} serves chain {chainId}");
            }

            // Finality first, then the block: a block at or below a finality mark read earlier is final
            // whatever happens after, and one read later with the right hash is still that block.
            finality ??= await ReadFinalityAsync(node, depthMin, cancellationToken).ConfigureAwait(false);
            ChainBlock? block = await node.GetBlockAsync(landing.BlockNumber, cancellationToken).ConfigureAwait(false);
            if (block is null)
            {
                return Fail(CanonicalityFailure.AnchorBlockMissing, $"{name}: the node's chain has no block {landing.BlockNumber} (its head is {await HeadNumberAsync(node, finality, cancellationToken).ConfigureAwait(false)})");
            }

            if (!string.Equals(block.Hash, landing.BlockHash, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(CanonicalityFailure.AnchorBlockHashMismatch, $"{name}: the node's block {landing.BlockNumber} is {block.Hash}, the receipt's is {landing.BlockHash}");
            }

            if (!finality.IsFinal(landing.BlockNumber))
            {
                return Fail(CanonicalityFailure.AnchorBlockNotFinal, finality.Finalized is ChainBlock finalized
                    ? $"{name} is above the node's finalized block {finalized.Number}"
                    : $"{name} is {BlocksBelow(finality.Head!, landing.BlockNumber)} block(s) below the node's head {finality.Head!.Number}, and the node has no finalized block; at least {depthMin} are required");
            }

            confirmed.Add(anchor);
        }

        return new CanonicalityReport(node.Endpoint, chainId, finality, confirmed, CanonicalityFailure.None, "valid");

        CanonicalityReport Fail(CanonicalityFailure failure, string detail) => new(node.Endpoint, chainId, finality, confirmed, failure, detail);
    }

    private static async Task<ChainFinality> ReadFinalityAsync(IChainNode node, ulong depthMin, CancellationToken cancellationToken)
    {
        ChainBlock? finalized = await node.GetFinalizedBlockAsync(cancellationToken).ConfigureAwait(false);
        return finalized is not null
            ? new ChainFinality(finalized, null, depthMin)
            : new ChainFinality(null, await node.GetLatestBlockAsync(cancellationToken).ConfigureAwait(false), depthMin);
    }

    private static async Task<ulong> HeadNumberAsync(IChainNode node, ChainFinality finality, CancellationToken cancellationToken) =>
        finality.Head?.Number ?? (await node.GetLatestBlockAsync(cancellationToken).ConfigureAwait(false)).Number;

    private static ulong BlocksBelow(ChainBlock head, ulong blockNumber) => head.Number >= blockNumber ? head.Number - blockNumber : 0;
}
