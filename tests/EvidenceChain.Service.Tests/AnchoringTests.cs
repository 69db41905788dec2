using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>The running service anchors its checkpoints on a real anvil node of this class's own.</summary>
public sealed class AnchoringTests : IDisposable
{
    private readonly AnvilProcess _anvil = AnvilProcess.Start();

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Deposit_WithAnchoringConfigured_CheckpointRootLandsOnChain()
    {
        (EvidenceAnchorContract contract, ServiceProcess service) = await StartAnchoredServiceAsync();
        using ServiceProcess _ = service;
        string originText = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        DepositResponse deposited = await service.Client.DepositAsync(new Depositor().Request(originText, [Depositor.Commit("anchored\n"u8.ToArray()).Entry]));
        ulong treeSize = deposited.Deposits[0].LeafIndex + 1;
        Assert.True(LogOrigin.TryParse(originText, out LogOrigin? origin));
        Digest logId = EvidenceAnchorContract.LogIdOf(origin!);

        ulong anchored = 0;
        for (int attempt = 0; attempt < 300 && anchored < treeSize; attempt++)
        {
            await Task.Delay(50);
            anchored = await contract.LatestTreeSizeAsync(logId, CancellationToken.None);
        }

        GetCheckpointResponse checkpoint = await service.Client.GetCheckpointAsync(new GetCheckpointRequest());
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        Assert.True(CheckpointVerifier.Verify(checkpoint.Checkpoint, keys, out VerifiedCheckpoint? verified).IsValid);
        Assert.Equal(treeSize, anchored);
        Assert.Equal(verified!.Checkpoint.Root, await contract.RootAtAsync(logId, anchored, CancellationToken.None));
    }

    [Fact]
    public async Task Deposit_AnchorFinal_ReceiptCarriesTheProvenAnchorAndStatusSaysFinal()
    {
        (EvidenceAnchorContract contract, ServiceProcess service) = await StartAnchoredServiceAsync();
        using ServiceProcess _ = service;
        GetLogInfoResponse info = service.Client.GetLogInfo(new GetLogInfoRequest());
        DepositResponse deposited = await service.Client.DepositAsync(new Depositor().Request(info.Origin, [Depositor.Commit("anchored\n"u8.ToArray()).Entry]));
        string depositId = deposited.Deposits[0].DepositId;

        GetAnchorStatusResponse status = new();
        for (int attempt = 0; attempt < 300 && !status.Anchors.Any(a => a.State == Protocol.V1.AnchorState.Final); attempt++)
        {
            await Task.Delay(50);
            status = await service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId });
        }

        GetReceiptResponse receipt = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        ReceiptReport report = ReceiptVerifier.Verify(receipt.ReceiptJson, keys, evidence: null);

        Assert.True(status.AnchoringEnabled);
        AnchorInfo final = Assert.Single(status.Anchors);
        Assert.Equal(Protocol.V1.AnchorState.Final, final.State);
        Assert.Equal(contract.Address.ToLowerInvariant(), final.Chain.Contract);
        Assert.Equal(contract.Address.ToLowerInvariant(), info.AnchorChain.Contract);
        Assert.Equal((ulong)AnvilProcess.ChainId, info.AnchorChain.ChainId);
        Assert.True(report.IsValid, report.Verdict.ToString());
        EvmAnchorSection proven = Assert.Single(report.VerifiedAnchors);
        Assert.Equal(Core.Receipts.AnchorState.Final, proven.Status);
        Assert.Equal(final.TransactionHash, proven.Landing!.TransactionHash);
        Assert.Equal(final.BlockHash, proven.Landing.BlockHash);
        Assert.Equal(await contract.BlockHashAsync(proven.Landing.BlockNumber, CancellationToken.None), proven.Landing.BlockHash);
    }

    public void Dispose()
    {
        _anvil.Dispose();
        _data.Dispose();
    }

    /// <summary>A contract deployed with the dev key as notary, and a service anchoring to it every 200 ms, final at once (depth 0).</summary>
    private async Task<(EvidenceAnchorContract Contract, ServiceProcess Service)> StartAnchoredServiceAsync()
    {
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        string keyFile = Path.Combine(_data.Path, "anchor.key");
        await File.WriteAllTextAsync(keyFile, AnvilProcess.DevelopmentPrivateKey);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ServiceProcess service = ServiceProcess.Start(
            _data.Path,
            "--Sequencer:Interval=00:00:00.100",
            $"--Anchor:Rpc={_anvil.Rpc}",
            $"--Anchor:Contract={contract.Address}",
            $"--Anchor:KeyFile={keyFile}",
            "--Anchor:FinalityDepth=0",
            "--Anchor:Interval=00:00:00.200");
        return (contract, service);
    }
}
