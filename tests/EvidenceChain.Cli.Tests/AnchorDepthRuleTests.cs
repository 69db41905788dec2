using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The depth rule of <c>verify --rpc</c>, for nodes without a <c>finalized</c> block. anvil always
/// answers that tag, so a real node cannot show this path: a stub node stands in for one that does
/// not know the tag (the fault we cannot cause). Everything else about <c>--rpc</c> is tested on anvil
/// (AnchorVerifyTests).
/// </summary>
public sealed class AnchorDepthRuleTests
{
    private const string BlockHash = "0xcee923ab017eaf0166041028fd0adc425fd279799b9851e9738bcc83f88cabe4";

    [Theory]
    [InlineData(112UL, true)]
    [InlineData(200UL, true)]
    [InlineData(111UL, false)]
    [InlineData(100UL, false)]
    public async Task CheckAsync_NodeWithoutFinalizedTag_IsFinalAtLeastDepthBlocksBelowTheHead(ulong head, bool isFinal)
    {
        using var node = new NodeWithoutFinalizedTag(head);

        CanonicalityReport report = await AnchorCanonicality.CheckAsync(node, [AnchorInBlock(100)], depthMin: 12, CancellationToken.None);

        Assert.Equal(isFinal ? CanonicalityFailure.None : CanonicalityFailure.AnchorBlockNotFinal, report.Failure);
        Assert.Null(report.Finality!.Finalized);
        Assert.Equal(head, report.Finality.Head!.Number);
        if (!isFinal)
        {
            Assert.Equal($"the anchor of tree size 6 in block 100 is {head - 100} block(s) below the node's head {head}, and the node has no finalized block; at least 12 are required", report.Detail);
        }
    }

    [Fact]
    public void CanonicalAtDepth_English_NamesTheNodeTheHeadAndTheDepth() =>
        Assert.Equal(
            "canonicality checked against http://127.0.0.1:8545 (chain id 31337, no finalized block, head block 130): the anchor's block 100 is on its canonical chain with the receipt's hash, and at least 12 blocks below the head",
            ReportText.English.CanonicalAtDepth("http://127.0.0.1:8545", 31337, 100, 130, 12));

    private static EvmAnchorSection AnchorInBlock(ulong blockNumber) => new(
        AnchorState.Final,
        31337,
        "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        default(Digest),
        6,
        default(Digest),
        [],
        new EvmLanding("0xfe4a38f787086cfe3a23a583764d67fcd654c22e51405a8bd345e0c4a04d1462", 0, blockNumber, BlockHash, 0, 0, [0xc0], [[0xc0]]));

    /// <summary>A node whose chain has <see cref="BlockHash"/> at every height up to its head, and no finalized tag.</summary>
    private sealed class NodeWithoutFinalizedTag(ulong head) : IChainNode
    {
        public string Endpoint => "http://127.0.0.1:8545";

        public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => Task.FromResult(31337L);

        public Task<ChainBlock?> GetBlockAsync(ulong blockNumber, CancellationToken cancellationToken) =>
            Task.FromResult(blockNumber <= head ? new ChainBlock(blockNumber, BlockHash) : null);

        public Task<ChainBlock?> GetFinalizedBlockAsync(CancellationToken cancellationToken) => Task.FromResult<ChainBlock?>(null);

        public Task<ChainBlock> GetLatestBlockAsync(CancellationToken cancellationToken) => Task.FromResult(new ChainBlock(head, BlockHash));

        public void Dispose()
        {
        }
    }
}
