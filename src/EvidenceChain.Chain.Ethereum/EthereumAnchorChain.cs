using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using Nethereum.JsonRpc.Client;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>
/// The anchor port on an EVM chain through the EvidenceAnchor contract: EIP-1559 transactions signed
/// locally (so the worker can store them before they are sent), fees from the node's latest base fee
/// and suggested tip, replacements with both fees raised by a fixed percentage up to a cap.
/// </summary>
public sealed class EthereumAnchorChain(EvidenceAnchorContract contract, long chainId, EthereumAnchorOptions options) : IAnchorChain
{
    private AnchorTarget? _target;

    public async Task<AnchorTarget> TargetAsync(CancellationToken cancellationToken)
    {
        if (_target is not null)
        {
            return _target;
        }

        string genesis = await contract.GenesisHashAsync(cancellationToken).ConfigureAwait(false);
        if (!await contract.HasCodeAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The anchor contract {contract.Address} has no code on chain {chainId} (genesis {genesis}): deploy it or correct Anchor:Contract.");
        }

        _target = new AnchorTarget(AnchorTarget.Evm, chainId, contract.Address.ToLowerInvariant(), genesis.ToLowerInvariant());
        return _target;
    }

    public async Task<AnchorAttempt> SignAnchorAsync(Digest logId, ulong treeSize, Digest root, AnchorAttempt? replacing, long nowMs, CancellationToken cancellationToken)
    {
        (ulong baseFee, ulong priorityFee) = await contract.FeesAsync(cancellationToken).ConfigureAwait(false);
        ulong nonce;
        ulong gas;
        if (replacing is null)
        {
            gas = await contract.EstimateAnchorGasAsync(logId, treeSize, root, cancellationToken).ConfigureAwait(false);
            gas += gas / 5; // headroom: the estimate is for the state now, the block may differ slightly
            nonce = await contract.NonceAsync(pending: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The same nonce and gas: only the fees change, so the replacement competes for the same slot.
            nonce = replacing.Nonce;
            gas = replacing.Gas;
            priorityFee = Math.Max(priorityFee, Bump(replacing.MaxPriorityFeePerGas));
        }

        ulong maxFee = Math.Max((baseFee * 2) + priorityFee, replacing is null ? 0 : Bump(replacing.MaxFeePerGas));
        maxFee = Math.Min(maxFee, options.MaxFeePerGasCap);
        priorityFee = Math.Min(priorityFee, maxFee);
        (string signed, string hash) = await contract.SignAnchorAsync(logId, treeSize, root, nonce, gas, maxFee, priorityFee).ConfigureAwait(false);
        return new AnchorAttempt(hash, nonce, signed, gas, maxFee, priorityFee, nowMs);
    }

    public async Task BroadcastAsync(AnchorAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            await contract.SendRawAsync(attempt.SignedTransaction, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (IsAlreadyHandled(e.RpcError?.Message))
        {
            // The node has it already, or its nonce is used (by it or by a replacement): the worker
            // learns which from the receipts and the mined nonce.
        }
    }

    public async Task<AttemptOutcome?> OutcomeAsync(string transactionHash, CancellationToken cancellationToken)
    {
        (bool mined, AnchorInclusion? inclusion) = await contract.AnchorReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
        return mined ? new AttemptOutcome(inclusion is null ? null : ToInclusion(inclusion)) : null;
    }

    public Task<ulong> MinedNonceAsync(CancellationToken cancellationToken) =>
        contract.NonceAsync(pending: false, cancellationToken);

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

    public Task<InclusionProof> ProveAsync(ChainInclusion inclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inclusion);
        return contract.ProveReceiptAsync(inclusion.TransactionHash, inclusion.BlockHash, cancellationToken);
    }

    public Task<ulong> HeadBlockNumberAsync(CancellationToken cancellationToken) =>
        contract.BlockNumberAsync(cancellationToken);

    public async Task<ulong> FinalBlockNumberAsync(CancellationToken cancellationToken)
    {
        if (options.FinalityDepth is ulong depth)
        {
            ulong head = await contract.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
            return head >= depth ? head - depth : 0;
        }

        return await contract.FinalizedBlockNumberAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> BlockHashAsync(ulong blockNumber, CancellationToken cancellationToken) =>
        contract.BlockHashAsync(blockNumber, cancellationToken);

    private ulong Bump(ulong fee) => fee + Math.Max(1, fee * (ulong)options.FeeBumpPercent / 100);

    private static bool IsAlreadyHandled(string? message) =>
        message is not null && (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase));

    private static ChainInclusion ToInclusion(AnchorInclusion inclusion) =>
        new(inclusion.TransactionHash, inclusion.TransactionIndex, inclusion.BlockNumber, inclusion.BlockHash, inclusion.Timestamp, inclusion.LogIndex);
}
