using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

public class QueueLimitTests
{
    [Fact]
    public async Task Deposit_MoreLeavesThanTheQueueHolds_ResourceExhaustedAndNothingStored()
    {
        using var data = new TempDirectory();
        using ServiceProcess service = ServiceProcess.Start(data.Path, "--Intake:QueueDepthMaxLeaves=1");
        string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        var depositor = new Depositor();
        DepositRequest twoEntries = depositor.Request(origin, [Depositor.Commit("a"u8.ToArray()).Entry, Depositor.Commit("b"u8.ToArray()).Entry]);

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => service.Client.DepositAsync(twoEntries).ResponseAsync);
        DepositResponse one = await service.Client.DepositAsync(depositor.Request(origin, [Depositor.Commit("c"u8.ToArray()).Entry]));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("queue is full", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, one.Deposits[0].LeafIndex);
    }
}
