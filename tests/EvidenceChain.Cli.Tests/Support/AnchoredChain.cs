using System.Text.Json;
using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Chain.Ethereum.Proofs;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A real anvil for one test class that mines a block every second and finalizes two blocks behind
/// its head (<c>--slots-in-an-epoch 1</c>), with the EvidenceAnchor contract deployed by anvil's
/// first development account, which is also allowed as notary. <see cref="AnchorAsync"/> anchors a
/// checkpoint the way the service does and builds the receipt's anchor entry from the chain, so a
/// receipt's anchor is real without a service in the loop.
/// </summary>
public sealed class AnchoredChain : IAsyncLifetime
{
    /// <summary>How long a test waits (polling) for the finalized block to pass an anchor: ~3 block times, with room.</summary>
    private const int FinalityPollsMax = 300;

    public AnvilProcess Anvil { get; } = AnvilProcess.Start("--block-time", "1", "--slots-in-an-epoch", "1");

    internal EvidenceAnchorContract Contract { get; private set; } = null!;

    public async Task InitializeAsync() => Contract = await DeployAsync(Anvil);

    /// <summary>Anchors <paramref name="checkpoint"/>, waits until its block is finalized, and returns the receipt's anchor entry, claimed final.</summary>
    internal async Task<EvmAnchorSection> AnchorAsync(Checkpoint checkpoint)
    {
        EvmAnchorSection anchor = await AnchorOnAsync(Anvil, Contract, checkpoint, AnchorState.Final);
        await WaitUntilFinalizedAsync(Anvil, anchor.Landing!.BlockNumber);
        return anchor;
    }

    /// <summary>The contract on <paramref name="anvil"/>, deployed by the first development account, which it allows as notary.</summary>
    internal static async Task<EvidenceAnchorContract> DeployAsync(AnvilProcess anvil)
    {
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        return contract;
    }

    /// <summary>Anchors <paramref name="checkpoint"/> and builds the receipt's anchor entry from the chain: the landing, the block header and the receipt proof.</summary>
    internal static async Task<EvmAnchorSection> AnchorOnAsync(AnvilProcess anvil, EvidenceAnchorContract contract, Checkpoint checkpoint, AnchorState claimed)
    {
        AnchorInclusion inclusion = await contract.AnchorAsync(checkpoint.Origin.OriginHash, checkpoint.TreeSize, checkpoint.Root, CancellationToken.None);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(anvil.Rpc, inclusion.TransactionHash, CancellationToken.None);
        return new EvmAnchorSection(
            claimed,
            AnvilProcess.ChainId,
            contract.Address.ToLowerInvariant(),
            checkpoint.Origin.OriginHash,
            checkpoint.TreeSize,
            checkpoint.Root,
            [],
            new EvmLanding(
                inclusion.TransactionHash.ToLowerInvariant(),
                inclusion.TransactionIndex,
                inclusion.BlockNumber,
                inclusion.BlockHash.ToLowerInvariant(),
                inclusion.Timestamp,
                inclusion.LogIndex,
                proof.HeaderRlp,
                proof.ProofNodes));
    }

    /// <summary>Polls (bounded) until <paramref name="anvil"/>'s finalized block is at least <paramref name="blockNumber"/>.</summary>
    internal static async Task<ulong> WaitUntilFinalizedAsync(AnvilProcess anvil, ulong blockNumber)
    {
        ulong finalized = 0;
        for (int poll = 0; poll < FinalityPollsMax; poll++)
        {
            JsonElement block = await anvil.CallAsync("eth_getBlockByNumber", "finalized", false);
            finalized = Convert.ToUInt64(block.GetProperty("number").GetString(), 16);
            if (finalized >= blockNumber)
            {
                return finalized;
            }

            // A bounded readiness poll, not a timing assumption: blocks come every second.
            await Task.Delay(100);
        }

        throw new TimeoutException($"block {blockNumber} was not finalized (finalized: {finalized})");
    }

    public Task DisposeAsync()
    {
        Anvil.Dispose();
        return Task.CompletedTask;
    }
}
