using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The access policy on the real service in development mode, where every loopback caller acts as
/// one development party of the configured role: each role is a restart on the same data. A
/// depositor's CLI key is bound to the party that first deposits with it.
/// </summary>
public sealed class AccessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private ServiceProcess Start(string role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");

    [Fact]
    public async Task Auditor_ReadsPublicProofsOnly_DepositsAndReceiptsDeniedWithAReason()
    {
        string depositId;
        using (ServiceProcess office = Start("NotaryOffice"))
        {
            depositId = await DepositAsync(office, new Depositor());
            Assert.Equal(0, office.Terminate());
        }

        using ServiceProcess auditor = Start("Auditor");
        string origin = auditor.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        GetCheckpointResponse checkpoint = await auditor.Client.GetCheckpointAsync(new GetCheckpointRequest());
        GetLeavesResponse leaves = await auditor.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1 });

        RpcException deposit = await Assert.ThrowsAsync<RpcException>(async () => await auditor.Client.DepositAsync(new Depositor().Request(origin, [Depositor.Commit("x"u8.ToArray()).Entry])));
        RpcException receipt = await Assert.ThrowsAsync<RpcException>(async () => await auditor.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId }));
        RpcException anchors = await Assert.ThrowsAsync<RpcException>(async () => await auditor.Client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId }));

        Assert.Equal(2UL, checkpoint.TreeSize); // the deposit, and the custody event binding its key
        Assert.Single(leaves.Leaves);
        Assert.All([deposit, receipt, anchors], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("auditor", deposit.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(checkpoint.TreeSize, (await auditor.Client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize);
        auditor.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Enterprise_ReadsItsOwnReceiptNotAnotherPartys_TheOfficeReadsBoth()
    {
        var lenderKey = new Depositor();
        var enterpriseKey = new Depositor();
        string lenderDeposit;
        using (ServiceProcess lender = Start("Lender"))
        {
            lenderDeposit = await DepositAsync(lender, lenderKey);
            Assert.Equal(0, lender.Terminate());
        }

        string enterpriseDeposit;
        using (ServiceProcess enterprise = Start("Enterprise"))
        {
            enterpriseDeposit = await DepositAsync(enterprise, enterpriseKey);
            GetReceiptResponse own = await ReceiptAsync(enterprise, enterpriseDeposit);
            RpcException other = await Assert.ThrowsAsync<RpcException>(async () => await enterprise.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = lenderDeposit }));

            // The lender's key signs for the lender only, even in development mode.
            string origin = enterprise.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            RpcException foreignKey = await Assert.ThrowsAsync<RpcException>(async () => await enterprise.Client.DepositAsync(lenderKey.Request(origin, [Depositor.Commit("not mine"u8.ToArray()).Entry])));

            Assert.True(own.Included);
            Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
            Assert.Equal(StatusCode.PermissionDenied, foreignKey.StatusCode);
            Assert.Contains("another party", foreignKey.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(0, enterprise.Terminate());
        }

        using ServiceProcess office = Start("NotaryOffice");

        // Two deposits, each with the custody event that bound its key: the refused deposit added
        // nothing. (Counted as accepted leaves, which the office may read: a checkpoint may lag.)
        Assert.Equal(4, (await office.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 10 })).Leaves.Count);
        Assert.True((await ReceiptAsync(office, lenderDeposit)).Included);
        Assert.True((await ReceiptAsync(office, enterpriseDeposit)).Included);
        office.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    private static async Task<string> DepositAsync(ServiceProcess service, Depositor depositor)
    {
        string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        DepositResponse response = await service.Client.DepositAsync(depositor.Request(origin, [Depositor.Commit(Guid.NewGuid().ToByteArray()).Entry]));
        string depositId = response.Deposits[0].DepositId;
        await ReceiptAsync(service, depositId);
        return depositId;
    }

    /// <summary>The receipt once the deposit is in a checkpoint (bounded poll: checkpoints come every 100 ms).</summary>
    private static async Task<GetReceiptResponse> ReceiptAsync(ServiceProcess service, string depositId)
    {
        GetReceiptResponse receipt = new();
        for (int attempt = 0; attempt < 100 && !receipt.Included; attempt++)
        {
            receipt = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });
            if (!receipt.Included)
            {
                await Task.Delay(50);
            }
        }

        return receipt;
    }
}
