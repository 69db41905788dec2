using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>The party registry over real gRPC, in development mode (each role is a restart on the same data).</summary>
public sealed class PartyServiceTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private ServiceProcess Start(string role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");

    private static PartyService.PartyServiceClient Parties(ServiceProcess service) => new(service.Channel);

    [Fact]
    public async Task Office_RegistersBindsAndLists_AKeyBoundToAnotherPartyCannotSignForTheCaller()
    {
        var bankKey = new Depositor();
        using (ServiceProcess office = Start("NotaryOffice"))
        {
            PartyService.PartyServiceClient parties = Parties(office);
            Party me = await parties.WhoAmIAsync(new WhoAmIRequest());
            Party bank = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Lender, DisplayName = "济南示例银行 Example Bank" });
            Party bound = await parties.BindKeyAsync(new BindKeyRequest { PartyId = bank.Id, PublicKey = ByteString.CopyFrom(bankKey.PublicKey) });
            ListPartiesResponse all = await parties.ListPartiesAsync(new ListPartiesRequest());

            Assert.Equal(PartyRole.NotaryOffice, me.Role);
            Assert.Equal(32, bank.Id.Length);
            Assert.Equal(bankKey.PublicKey, Assert.Single(bound.Keys).PublicKey.ToByteArray());
            Assert.Equal([me.Id, bank.Id], all.Parties.Select(p => p.Id));
            Assert.Equal(0, office.Terminate());
        }

        using ServiceProcess enterprise = Start("Enterprise");
        string origin = enterprise.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await enterprise.Client.DepositAsync(bankKey.Request(origin, [Depositor.Commit("x"u8.ToArray()).Entry])));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(PartyRole.Enterprise, (await Parties(enterprise).WhoAmIAsync(new WhoAmIRequest())).Role);
        enterprise.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task RevokedKey_SignsNothingNew_WhatItSignedStaysItsPartys()
    {
        var key = new Depositor();
        string depositId;
        using (ServiceProcess enterprise = Start("Enterprise"))
        {
            string origin = enterprise.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            depositId = (await enterprise.Client.DepositAsync(key.Request(origin, [Depositor.Commit("before"u8.ToArray()).Entry]))).Deposits[0].DepositId;
            Assert.Equal(0, enterprise.Terminate());
        }

        using (ServiceProcess office = Start("NotaryOffice"))
        {
            PartyService.PartyServiceClient parties = Parties(office);
            Party holder = (await parties.ListPartiesAsync(new ListPartiesRequest())).Parties.Single(p => p.Role == PartyRole.Enterprise);
            Party revoked = await parties.RevokeKeyAsync(new RevokeKeyRequest { PartyId = holder.Id, KeyFingerprint = Assert.Single(holder.Keys).Fingerprint });
            Assert.NotEqual(0, Assert.Single(revoked.Keys).RevokedAtMs);
            Assert.Equal(0, office.Terminate());
        }

        using ServiceProcess again = Start("Enterprise");
        string logOrigin = again.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await again.Client.DepositAsync(key.Request(logOrigin, [Depositor.Commit("after"u8.ToArray()).Entry])));
        GetReceiptResponse old = await again.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId });

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("revoked", refused.Status.Detail, StringComparison.Ordinal);
        Assert.True(old.Included);
        again.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task NotTheOffice_EveryChangeDenied_BadInputRefusedClearly()
    {
        string officeId;
        using (ServiceProcess office = Start("NotaryOffice"))
        {
            PartyService.PartyServiceClient parties = Parties(office);
            officeId = (await parties.WhoAmIAsync(new WhoAmIRequest())).Id;
            RpcException noRole = await Assert.ThrowsAsync<RpcException>(async () => await parties.RegisterPartyAsync(new RegisterPartyRequest { DisplayName = "x" }));
            RpcException shortKey = await Assert.ThrowsAsync<RpcException>(async () => await parties.BindKeyAsync(new BindKeyRequest { PartyId = officeId, PublicKey = ByteString.CopyFrom(new byte[31]) }));
            RpcException badFingerprint = await Assert.ThrowsAsync<RpcException>(async () => await parties.RevokeKeyAsync(new RevokeKeyRequest { PartyId = officeId, KeyFingerprint = "zz" }));
            RpcException unknown = await Assert.ThrowsAsync<RpcException>(async () => await parties.DeactivatePartyAsync(new DeactivatePartyRequest { PartyId = new string('0', 32) }));

            Assert.Equal(StatusCode.InvalidArgument, noRole.StatusCode);
            Assert.Equal(StatusCode.InvalidArgument, shortKey.StatusCode);
            Assert.Equal(StatusCode.InvalidArgument, badFingerprint.StatusCode);
            Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(0, office.Terminate());
        }

        using ServiceProcess court = Start("Court");
        PartyService.PartyServiceClient courtParties = Parties(court);
        RpcException[] denied =
        [
            await Assert.ThrowsAsync<RpcException>(async () => await courtParties.RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Court, DisplayName = "Another Court" })),
            await Assert.ThrowsAsync<RpcException>(async () => await courtParties.DeactivatePartyAsync(new DeactivatePartyRequest { PartyId = officeId })),
            await Assert.ThrowsAsync<RpcException>(async () => await courtParties.ListPartiesAsync(new ListPartiesRequest())),
        ];

        Assert.All(denied, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.All(denied, e => Assert.Contains("notary office", e.Status.Detail, StringComparison.Ordinal));
        court.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();
}
