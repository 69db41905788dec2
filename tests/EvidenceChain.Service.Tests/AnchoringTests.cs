using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>The running service anchors its checkpoints on a real anvil node of each test's own.</summary>
public sealed class AnchoringTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Deposit_WithAnchoringConfigured_CheckpointRootLandsOnChain()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using ServiceProcess service = StartAnchoredService(chain);
        string originText = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        DepositResponse deposited = await service.Client.DepositAsync(new Depositor().Request(originText, [Depositor.Commit("anchored\n"u8.ToArray()).Entry]));
        Assert.Equal(0UL, deposited.Deposits[0].LeafIndex);

        // Every leaf accepted by now: the deposit, and the custody event that bound its key.
        ulong treeSize = (ulong)(await service.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 10 })).Leaves.Count;
        Assert.Equal(2UL, treeSize);
        Assert.True(LogOrigin.TryParse(originText, out LogOrigin? origin));
        Digest logId = origin!.OriginHash;

        ulong anchored = 0;
        for (int attempt = 0; attempt < 300 && anchored < treeSize; attempt++)
        {
            await Task.Delay(50);
            anchored = await chain.Contract.LatestTreeSizeAsync(logId, CancellationToken.None);
        }

        GetCheckpointResponse checkpoint = await service.Client.GetCheckpointAsync(new GetCheckpointRequest());
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        Assert.True(CheckpointVerifier.Verify(checkpoint.Checkpoint, keys, out VerifiedCheckpoint? verified).IsValid);
        Assert.Equal(treeSize, anchored);
        Assert.Equal(verified!.Checkpoint.Root, await chain.Contract.RootAtAsync(logId, anchored, CancellationToken.None));
    }

    [Fact]
    public async Task Deposit_AnchorFinal_ReceiptCarriesTheProvenAnchorAndStatusSaysFinal()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using ServiceProcess service = StartAnchoredService(chain);
        GetLogInfoResponse info = service.Client.GetLogInfo(new GetLogInfoRequest());
        DepositResponse deposited = await service.Client.DepositAsync(new Depositor().Request(info.Origin, [Depositor.Commit("anchored\n"u8.ToArray()).Entry]));
        string depositId = deposited.Deposits[0].DepositId;

        GetAnchorStatusResponse status = new();
        for (int attempt = 0; attempt < 300 && !status.Anchors.Any(a => a.State == Protocol.V1.AnchorState.Final); attempt++)
        {
            await Task.Delay(50);
            status = await service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId });
        }

        // Proven against the anchored checkpoint: a later checkpoint, signed meanwhile on a loaded
        // machine, would not be anchored yet, and its receipt would rightly carry no anchor.
        AnchorInfo final = Assert.Single(status.Anchors);
        GetReceiptResponse receipt = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId, TreeSize = final.TreeSize });
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        ReceiptReport report = ReceiptVerifier.Verify(receipt.ReceiptJson, keys, evidence: null);

        Assert.True(status.AnchoringEnabled);
        Assert.Equal(Protocol.V1.AnchorState.Final, final.State);
        Assert.Equal(chain.Contract.Address.ToLowerInvariant(), final.Chain.Contract);
        Assert.Equal(chain.Contract.Address.ToLowerInvariant(), info.AnchorChain.Contract);
        Assert.Equal((ulong)AnvilProcess.ChainId, info.AnchorChain.ChainId);
        Assert.True(report.IsValid, report.Verdict.ToString());
        EvmAnchorSection proven = Assert.Single(report.VerifiedAnchors);
        Assert.Equal(Core.Receipts.AnchorState.Final, proven.Status);
        Assert.Equal(final.TransactionHash, proven.Landing!.TransactionHash);
        Assert.Equal(final.BlockHash, proven.Landing.BlockHash);
        Assert.Equal(await chain.Contract.BlockHashAsync(proven.Landing.BlockNumber, CancellationToken.None), proven.Landing.BlockHash);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A service anchoring to <paramref name="chain"/> every 200 ms, final at once (depth 0).</summary>
    private ServiceProcess StartAnchoredService(TestAnchorChain chain) =>
        ServiceProcess.Start(_data.Path, chain.ServiceArguments(_data.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0));
}
