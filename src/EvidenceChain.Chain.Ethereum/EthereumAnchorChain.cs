using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>
/// The anchor port on an EVM chain through the EvidenceAnchor contract. Finality is the chain's
/// <c>finalized</c> block, or, when <paramref name="finalityDepth"/> is given (chains without the
/// tag, such as anvil mining on demand), the head minus that many blocks.
/// </summary>
public sealed class EthereumAnchorChain(EvidenceAnchorContract contract, long chainId, ulong? finalityDepth) : IAnchorChain
{
    public string ChainName { get; } = $"evm:{chainId}:{contract.Address.ToLowerInvariant()}";

    public async Task<ChainInclusion> AnchorAsync(Digest logId, ulong treeSize, Digest root, CancellationToken cancellationToken)
    {
        try
        {
            return ToInclusion(await contract.AnchorAsync(logId, treeSize, root, cancellationToken).ConfigureAwait(false));
        }
        catch (AnchorRejectedException e) when (e.Rejection == AnchorRejection.RootAlreadyAnchored)
        {
            // Our own earlier transaction landed after all (a crash, a timeout): that is success.
            return await FindAnchorAsync(root, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The contract reports root {root} anchored but its event was not found.", e);
        }
    }

    public async Task<ChainInclusion?> FindAnchorAsync(Digest root, CancellationToken cancellationToken)
    {
        AnchorRecord? record = await contract.FindByRootAsync(root, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        AnchorInclusion? found = await contract.FindAnchoredEventAsync(root, record.BlockNumber, cancellationToken).ConfigureAwait(false);
        return found is null ? null : ToInclusion(found);
    }

    public async Task<ulong> FinalBlockNumberAsync(CancellationToken cancellationToken)
    {
        if (finalityDepth is ulong depth)
        {
            ulong head = await contract.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
            return head >= depth ? head - depth : 0;
        }

        return await contract.FinalizedBlockNumberAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken) =>
        contract.BlockHashAsync(blockNumber, cancellationToken);

    private static ChainInclusion ToInclusion(AnchorInclusion inclusion) =>
        new(inclusion.TransactionHash, inclusion.BlockNumber, inclusion.BlockHash, inclusion.Timestamp);
}
