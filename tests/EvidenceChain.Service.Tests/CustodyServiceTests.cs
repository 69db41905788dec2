using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using PartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Custody on the real service: a receipt read by a party other than its owner is on the record
/// before it is answered, the owner's own reads are not, and each party's trail verifies offline
/// against the log's checkpoint. Development mode has one role per process, so each role is a
/// restart on the same data.
/// </summary>
public sealed class CustodyServiceTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task OfficeReadsAnEnterprisesReceipt_ReadIsInBothTrails_OwnersReadsAreNot()
    {
        string depositId;
        string enterprise;
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            enterprise = (await new PartyService.PartyServiceClient(owner.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
            depositId = await Depositor.DepositIncludedAsync(owner);
            await owner.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });

            // Development mode binds the depositor's key on its first deposit: that is on the
            // record; the owner's own receipt reads are not.
            CustodyRecord bound = Assert.Single((await IncludedTrailAsync(owner, string.Empty)).Records);
            Assert.Equal(CustodyAction.KeyBound, bound.Action);
            Assert.Equal(enterprise, bound.Actor!.PartyId);
            Assert.Equal(0, owner.Terminate());
        }

        using ServiceProcess office = Start(PartyRole.NotaryOffice);
        string officeId = (await new PartyService.PartyServiceClient(office.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
        GetReceiptResponse read = await office.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });
        Assert.True(read.Included);

        (GetCustodyTrailResponse page, IReadOnlyList<CustodyRecord> records) = await IncludedTrailAsync(office, enterprise);

        CustodyRecord record = records[^1];
        Assert.Equal(2, records.Count);
        Assert.Equal(CustodyAction.ReceiptRead, record.Action);
        Assert.Equal(officeId, record.Actor!.PartyId);
        Assert.Equal(PartyRole.NotaryOffice, record.ActorRole);
        Assert.Equal(enterprise, Assert.Single(record.Concerned).PartyId);
        Assert.Equal(depositId, Convert.ToHexStringLower(record.Subject));
        Assert.False(page.MorePending);
        Assert.Single(Verified(await TrailAsync(office, string.Empty)).Records);
        office.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task GetCustodyTrail_AnothersTrailOrABadId_RefusedWithAReason()
    {
        using ServiceProcess enterprise = Start(PartyRole.Enterprise);
        var client = new CustodyService.CustodyServiceClient(enterprise.Channel);

        RpcException other = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = new string('a', 32) }));
        RpcException bad = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = "not-an-id" }));
        RpcException limit = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCustodyTrailAsync(new GetCustodyTrailRequest { Limit = 5000 }));

        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains("own custody trail", other.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, limit.StatusCode);
    }

    public void Dispose() => _data.Dispose();

    private ServiceProcess Start(PartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");

    private List<NoteVerifier> TrustedKeys() =>
        File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();

    private (RecordStatement Trail, IReadOnlyList<CustodyRecord> Records) Verified(string json)
    {
        Assert.True(RecordStatement.TryParse(json, out RecordStatement? trail).IsValid);
        Verdict verdict = CustodyTrail.Verify(trail!, TrustedKeys(), out _, out IReadOnlyList<CustodyRecord> records);
        Assert.True(verdict.IsValid, verdict.ToString());
        return (trail!, records);
    }

    private static async Task<string> TrailAsync(ServiceProcess service, string partyId) =>
        (await new CustodyService.CustodyServiceClient(service.Channel).GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = partyId })).TrailJson;

    /// <summary>The trail once a checkpoint includes its events (bounded poll: checkpoints come every 100 ms).</summary>
    private async Task<(GetCustodyTrailResponse Page, IReadOnlyList<CustodyRecord> Records)> IncludedTrailAsync(ServiceProcess service, string partyId)
    {
        var client = new CustodyService.CustodyServiceClient(service.Channel);
        GetCustodyTrailResponse page = new() { MorePending = true };
        for (int attempt = 0; attempt < 100 && (page.MorePending || page.TrailJson.Length == 0); attempt++)
        {
            page = await client.GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = partyId });
            await Task.Delay(page.MorePending ? 50 : 0);
        }

        return (page, Verified(page.TrailJson).Records);
    }
}
