using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using ProtoAnchorState = EvidenceChain.Protocol.V1.AnchorState;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The service's default run: it brings up its own anvil in the data directory (mode local), deploys
/// the contract once and anchors there. Each test's service has its own chain.
/// </summary>
public sealed class DevChainTests : IDisposable
{
    private static readonly string[] s_local = ["--Sequencer:Interval=00:00:00.100", "--Anchor:Mode=local", "--Anchor:Interval=00:00:00.300"];
    private readonly TempDirectory _data = new();

    private string StateFile => Path.Combine(_data.Path, "devchain", "anvil-state.json");

    [Fact]
    public async Task DefaultRun_Deposit_EndsWithAFinalAnchorOnTheLocalChain()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, s_local);
        GetLogInfoResponse info = service.Client.GetLogInfo(new GetLogInfoRequest());
        string depositId = await DepositAsync(service, "default run\n");

        GetAnchorStatusResponse status = await WaitForAsync(service, depositId, s => s.Anchors.Any(a => a.State == ProtoAnchorState.Final));

        // Proven against the anchored checkpoint: one signed after it (holding the development key's
        // binding leaf, on a loaded machine) may not be final yet.
        ReceiptReport report = await VerifiedReceiptAsync(service, depositId, status.Anchors.First(a => a.State == ProtoAnchorState.Final).TreeSize);

        // The log's verifier keys are published on the contract, for verifiers who take keys from the chain.
        var rpc = new Uri(System.Text.RegularExpressions.Regex.Match(service.Output, @"Started anvil \(PID \d+\) at (\S+),").Groups[1].Value);
        var reader = Chain.Ethereum.EvidenceAnchorContract.At(rpc, "0x" + new string('1', 64), (long)info.AnchorChain.ChainId, info.AnchorChain.Contract);
        IReadOnlyList<string> published = await reader.LogKeysAsync(Core.Hashing.Digest.Read(info.AnchorChain.LogId.Span), CancellationToken.None);
        Assert.Equal(File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Where(l => l.Length > 0), published);
        Assert.Equal("evm", info.AnchorChain.Kind);
        Assert.Contains(status.Anchors, a => a.State == ProtoAnchorState.Final);
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Contains(report.VerifiedAnchors, a => a.Status == Core.Receipts.AnchorState.Final);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Restart_KeepsTheChain_ThenAResetChainMarksItsAnchorsLostAndAnchorsAgain()
    {
        string depositId;
        string firstGenesis;
        using (ServiceProcess first = ServiceProcess.Start(_data.Path, s_local))
        {
            depositId = await DepositAsync(first, "before restarts\n");
            await WaitForAsync(first, depositId, s => s.Anchors.Any(a => a.State == ProtoAnchorState.Final));
            firstGenesis = first.Client.GetLogInfo(new GetLogInfoRequest()).AnchorChain.GenesisHash;
            Assert.Equal(0, first.Terminate());
        }

        GetAnchorStatusResponse kept;
        using (ServiceProcess second = ServiceProcess.Start(_data.Path, s_local))
        {
            kept = await second.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId });
            Assert.Equal(firstGenesis, second.Client.GetLogInfo(new GetLogInfoRequest()).AnchorChain.GenesisHash);
            Assert.Equal(0, second.Terminate());
        }

        // A development chain restarted without its state: a new genesis, the contract gone.
        File.Delete(StateFile);
        using ServiceProcess third = ServiceProcess.Start(_data.Path, s_local);
        GetAnchorStatusResponse after = await WaitForAsync(third, depositId, s => s.Anchors.Any(a => a.State == ProtoAnchorState.Final));
        ReceiptReport report = await VerifiedReceiptAsync(third, depositId);

        Assert.Equal(ProtoAnchorState.Final, Assert.Single(kept.Anchors).State);
        Assert.Equal(firstGenesis, kept.Anchors[0].Chain.GenesisHash);
        Assert.Equal(2, after.Anchors.Count);
        AnchorInfo lost = after.Anchors.Single(a => a.State == ProtoAnchorState.Lost);
        AnchorInfo again = after.Anchors.Single(a => a.State == ProtoAnchorState.Final);
        Assert.Equal(firstGenesis, lost.Chain.GenesisHash);
        Assert.NotEqual(firstGenesis, again.Chain.GenesisHash);
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(again.TransactionHash, Assert.Single(report.VerifiedAnchors).Landing!.TransactionHash);
        Assert.Contains(report.NotChecked, n => n.Item == UncheckedItem.Anchors && n.Detail.Contains("lost", StringComparison.Ordinal));
        third.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    private static async Task<string> DepositAsync(ServiceProcess service, string content)
    {
        string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        DepositResponse deposited = await service.Client.DepositAsync(new Depositor().Request(origin, [Depositor.Commit(System.Text.Encoding.UTF8.GetBytes(content)).Entry]));
        return deposited.Deposits[0].DepositId;
    }

    /// <summary>Polls the deposit's anchor status (bounded: the local chain finalizes within seconds).</summary>
    private static async Task<GetAnchorStatusResponse> WaitForAsync(ServiceProcess service, string depositId, Func<GetAnchorStatusResponse, bool> done)
    {
        GetAnchorStatusResponse status = new();
        for (int attempt = 0; attempt < 600 && !done(status); attempt++)
        {
            await Task.Delay(100);
            status = await service.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId });
        }

        return status;
    }

    private async Task<ReceiptReport> VerifiedReceiptAsync(ServiceProcess service, string depositId, ulong treeSize = 0)
    {
        GetReceiptResponse receipt = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId, TreeSize = treeSize });
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
        return ReceiptVerifier.Verify(receipt.ReceiptJson, keys, evidence: null);
    }
}
