using System.Text.Json;
using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Chain.Ethereum.Proofs;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A <see cref="TestAnchorChain"/> whose anvil mines a block every second and finalizes two blocks
/// behind its head (<c>--slots-in-an-epoch 1</c>). <see cref="AnchorAsync"/> anchors a checkpoint the
/// way the service does and builds the receipt's anchor entry from the chain, so a receipt's anchor
/// is real without a service in the loop.
/// </summary>
public sealed class AnchoredChain : TestAnchorChain
{
    /// <summary>How long a test waits (polling) for the finalized block to pass an anchor: ~3 block times, with room.</summary>
    private const int FinalityPollsMax = 300;

    public AnchoredChain()
        : base("--block-time", "1", "--slots-in-an-epoch", "1")
    {
    }

    /// <summary>Anchors <paramref name="checkpoint"/>, waits until its block is finalized, and returns the receipt's anchor entry, claimed final.</summary>
    internal async Task<EvmAnchorSection> AnchorAsync(Checkpoint checkpoint)
    {
        EvmAnchorSection anchor = await AnchorOnAsync(this, checkpoint, AnchorState.Final);
        await WaitUntilFinalizedAsync(anchor.Landing!.BlockNumber);
        return anchor;
    }

    /// <summary>Anchors <paramref name="checkpoint"/> on <paramref name="chain"/> and builds the receipt's anchor entry from it: the landing, the block header and the receipt proof.</summary>
    internal static async Task<EvmAnchorSection> AnchorOnAsync(TestAnchorChain chain, Checkpoint checkpoint, AnchorState claimed)
    {
        AnchorInclusion inclusion = await chain.Contract.AnchorAsync(checkpoint.Origin.OriginHash, checkpoint.TreeSize, checkpoint.Root, CancellationToken.None);
        EvmReceiptProof proof = await EvmReceiptProofBuilder.BuildAsync(chain.Anvil.Rpc, inclusion.TransactionHash, CancellationToken.None);
        return new EvmAnchorSection(
            claimed,
            AnvilProcess.ChainId,
            chain.Contract.Address.ToLowerInvariant(),
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

    /// <summary>Polls (bounded) until the node's finalized block is at least <paramref name="blockNumber"/>.</summary>
    private async Task WaitUntilFinalizedAsync(ulong blockNumber)
    {
        ulong finalized = 0;
        for (int poll = 0; poll < FinalityPollsMax; poll++)
        {
            JsonElement block = await Anvil.CallAsync("eth_getBlockByNumber", "finalized", false);
            finalized = Convert.ToUInt64(block.GetProperty("number").GetString(), 16);
            if (finalized >= blockNumber)
            {
                return;
            }

            // A bounded readiness poll, not a timing assumption: blocks come every second.
            await Task.Delay(100);
        }

        throw new TimeoutException($"block {blockNumber} was not finalized (finalized: {finalized})");
    }
}
