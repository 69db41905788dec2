using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using PartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// A disclosure is a custody event (custody-event.md, action 10) on the real service: the depositor
/// records which units went to a court and the package's digests; the event verifies offline in the
/// depositor's trail and in the court's; a stranger is refused; a bad index records nothing. The
/// record carries no content and no salt: the service never sees either. Development mode has one
/// role per process, so each party is a restart on the same data.
/// </summary>
public sealed class DisclosureCustodyTests : IDisposable
{
    private static readonly byte[] s_package = Encoding.UTF8.GetBytes("{\"format\":\"evidencechain-disclosure/v1\"}");

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task DepositorDisclosesToACourt_InBothTrails_StrangerRefused_BadIndexRecordsNothing()
    {
        string court = await WhoIsAsync(PartyRole.Court);
        string depositId;
        string enterprise;
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            enterprise = (await new PartyService.PartyServiceClient(owner.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
            depositId = await Depositor.DepositIncludedAsync(owner);
            var custody = new CustodyService.CustodyServiceClient(owner.Channel);

            RecordDisclosureResponse recorded = await custody.RecordDisclosureAsync(Request(depositId, court, 0));
            Assert.Equal(1u, recorded.UnitCount);

            RpcException outOfRange = await Assert.ThrowsAsync<RpcException>(async () => await custody.RecordDisclosureAsync(Request(depositId, court, 0, recorded.UnitCount)));
            Assert.Equal(StatusCode.InvalidArgument, outOfRange.StatusCode);
            Assert.Contains("out of range", outOfRange.Status.Detail, StringComparison.Ordinal);
            RpcException unknownRecipient = await Assert.ThrowsAsync<RpcException>(async () => await custody.RecordDisclosureAsync(Request(depositId, new string('a', 32), 0)));
            Assert.Equal(StatusCode.InvalidArgument, unknownRecipient.StatusCode);
            RecordDisclosureRequest truncated = Request(depositId, court, 0);
            truncated.PackageSm3 = ByteString.CopyFrom(new byte[31]);
            RpcException shortDigest = await Assert.ThrowsAsync<RpcException>(async () => await custody.RecordDisclosureAsync(truncated));
            Assert.Equal(StatusCode.InvalidArgument, shortDigest.StatusCode);
            RpcException twice = await Assert.ThrowsAsync<RpcException>(async () => await custody.RecordDisclosureAsync(Request(depositId, court, 0, 0)));
            Assert.Equal(StatusCode.InvalidArgument, twice.StatusCode);

            // The trail: the key bound at the first deposit, then the disclosure, and nothing for the refused calls.
            IReadOnlyList<CustodyRecord> records = await IncludedTrailAsync(owner, string.Empty);
            Assert.Equal([CustodyAction.KeyBound, CustodyAction.Disclosed], records.Select(r => r.Action));
            CustodyRecord disclosed = records[^1];
            Assert.Equal(enterprise, disclosed.Actor!.PartyId);
            Assert.Equal(PartyRole.Enterprise, disclosed.ActorRole);
            Assert.Equal(court, disclosed.Concerned[^1].PartyId);
            Assert.Equal(CustodySubjectKind.Deposit, disclosed.SubjectKind);
            Assert.Equal(depositId, Convert.ToHexStringLower(disclosed.Subject));
            Assert.Equal([0u], disclosed.Disclosure!.UnitIndexes);
            Assert.Equal(1u, disclosed.Disclosure.UnitCount);
            Assert.Equal(Digest.Read(SHA256.HashData(s_package)), disclosed.Disclosure.PackageDigest.Sha256);
            Assert.Equal(Sm3.HashData(s_package), disclosed.Disclosure.PackageDigest.Sm3);
            Assert.Equal(recorded.LeafIndex, (await IncludedPageAsync(owner, string.Empty)).Trail.Entries[^1].LeafIndex);
            Assert.Equal(0, owner.Terminate());
        }

        using (ServiceProcess stranger = Start(PartyRole.Appraiser))
        {
            RpcException denied = await Assert.ThrowsAsync<RpcException>(async () => await new CustodyService.CustodyServiceClient(stranger.Channel).RecordDisclosureAsync(Request(depositId, court, 0)));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Contains("depositor or by the notary office", denied.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(0, stranger.Terminate());
        }

        using ServiceProcess courtService = Start(PartyRole.Court);
        CustodyRecord received = Assert.Single(await IncludedTrailAsync(courtService, string.Empty), r => r.Action == CustodyAction.Disclosed);
        Assert.Equal(enterprise, received.Actor!.PartyId);
        Assert.Equal([0u], received.Disclosure!.UnitIndexes);
        courtService.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    private static RecordDisclosureRequest Request(string depositId, string recipient, params uint[] units) => new()
    {
        DepositId = depositId,
        PackageSha256 = ByteString.CopyFrom(SHA256.HashData(s_package)),
        PackageSm3 = ByteString.CopyFrom(Digest.AsBytes(Sm3.HashData(s_package))),
        UnitIndexes = { units },
        RecipientPartyId = recipient,
    };

    private async Task<string> WhoIsAsync(PartyRole role)
    {
        using ServiceProcess service = Start(role);
        string id = (await new PartyService.PartyServiceClient(service.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
        Assert.Equal(0, service.Terminate());
        return id;
    }

    private ServiceProcess Start(PartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");

    private async Task<IReadOnlyList<CustodyRecord>> IncludedTrailAsync(ServiceProcess service, string partyId)
    {
        (RecordStatement trail, _) = await IncludedPageAsync(service, partyId);
        Verdict verdict = CustodyTrail.Verify(trail, File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList(), out _, out IReadOnlyList<CustodyRecord> records);
        Assert.True(verdict.IsValid, verdict.ToString());
        return records;
    }

    /// <summary>The trail once a checkpoint includes its events (bounded poll: checkpoints come every 100 ms).</summary>
    private static async Task<(RecordStatement Trail, GetCustodyTrailResponse Page)> IncludedPageAsync(ServiceProcess service, string partyId)
    {
        var client = new CustodyService.CustodyServiceClient(service.Channel);
        GetCustodyTrailResponse page = new() { MorePending = true };
        for (int attempt = 0; attempt < 100 && (page.MorePending || page.TrailJson.Length == 0); attempt++)
        {
            page = await client.GetCustodyTrailAsync(new GetCustodyTrailRequest { PartyId = partyId });
            await Task.Delay(page.MorePending ? 50 : 0);
        }

        Assert.True(RecordStatement.TryParse(page.TrailJson, out RecordStatement? trail).IsValid);
        return (trail!, page);
    }
}
