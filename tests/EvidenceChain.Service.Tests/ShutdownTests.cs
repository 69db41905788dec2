using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

public class ShutdownTests
{
    [Fact]
    public async Task Sigterm_AfterDeposits_ExitsCleanlyWithEverythingSigned()
    {
        using var data = new TempDirectory();
        ulong accepted;
        using (ServiceProcess service = ServiceProcess.Start(data.Path, "--Sequencer:Interval=00:10:00", "--Sequencer:PendingLeavesMax=1000000"))
        {
            // The sequencer would not sign for ten minutes: only the shutdown can sign these.
            string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            DepositResponse response = await service.Client.DepositAsync(new Depositor().Request(origin, Enumerable.Range(0, 9).Select(i => Depositor.Commit(BitConverter.GetBytes(i)).Entry).ToList()));
            ulong afterDeposits = response.Deposits.Max(d => d.LeafIndex) + 1;

            // Also accepted: the custody event that bound the depositor's key (development mode).
            accepted = afterDeposits + (ulong)(await service.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = afterDeposits, Count = 10 })).Leaves.Count;
            Assert.Equal(afterDeposits + 1, accepted);

            Assert.Equal(0, service.Terminate());
            Assert.Contains($"Signed checkpoint of tree size {accepted}.", service.Output, StringComparison.Ordinal);
        }

        using ServiceProcess restarted = ServiceProcess.Start(data.Path, "--Sequencer:Interval=00:10:00");
        GetCheckpointResponse checkpoint = await restarted.Client.GetCheckpointAsync(new GetCheckpointRequest());

        Assert.Equal(accepted, checkpoint.TreeSize);
    }
}
