using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>The running service anchors its checkpoints on a real anvil node of this class's own.</summary>
public sealed class AnchoringTests : IDisposable
{
    private readonly AnvilProcess _anvil = AnvilProcess.Start();

    [Fact]
    public async Task Deposit_WithAnchoringConfigured_CheckpointRootLandsOnChain()
    {
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        using var data = new TempDirectory();
        string keyFile = Path.Combine(data.Path, "anchor.key");
        await File.WriteAllTextAsync(keyFile, AnvilProcess.DevelopmentPrivateKey);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using ServiceProcess service = ServiceProcess.Start(
            data.Path,
            "--Sequencer:Interval=00:00:00.100",
            $"--Anchor:Rpc={_anvil.Rpc}",
            $"--Anchor:Contract={contract.Address}",
            $"--Anchor:KeyFile={keyFile}",
            "--Anchor:FinalityDepth=0",
            "--Anchor:Interval=00:00:00.200");
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
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        Assert.True(CheckpointVerifier.Verify(checkpoint.Checkpoint, keys, out VerifiedCheckpoint? verified).IsValid);
        Assert.Equal(treeSize, anchored);
        Assert.Equal(verified!.Checkpoint.Root, await contract.RootAtAsync(logId, anchored, CancellationToken.None));
    }

    public void Dispose() => _anvil.Dispose();
}
