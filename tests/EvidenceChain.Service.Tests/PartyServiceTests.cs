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

    [Fact]
    public async Task Office_BindsListsAndRevokesAnSm2Key_MalformedKeysRefusedSayingWhy()
    {
        // GB/T 32918.2-2016 Annex A's public key (sm2p256v1).
        byte[] point = Convert.FromHexString("04"
            + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
            + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13");
        byte[] offCurve = [.. point[..^1], (byte)(point[^1] ^ 1)];
        using ServiceProcess office = Start("NotaryOffice");
        PartyService.PartyServiceClient parties = Parties(office);
        Party court = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Court, DisplayName = "历下区人民法院" });

        Party bound = await parties.BindKeyAsync(new BindKeyRequest { PartyId = court.Id, Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(point) });
        Party withUserId = await parties.BindKeyAsync(new BindKeyRequest
        {
            PartyId = court.Id, Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(point), Sm2UserId = ByteString.CopyFromUtf8("judge.li@court.example"),
        });
        Party listed = (await parties.ListPartiesAsync(new ListPartiesRequest())).Parties.Single(p => p.Id == court.Id);
        Party revoked = await parties.RevokeKeyAsync(new RevokeKeyRequest { PartyId = court.Id, KeyFingerprint = listed.Keys[0].Fingerprint });
        RpcException again = await Assert.ThrowsAsync<RpcException>(async () => await parties.BindKeyAsync(
            new BindKeyRequest { PartyId = court.Id, Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(point), Sm2UserId = ByteString.CopyFromUtf8("1234567812345678") }));

        PartyKey key = Assert.Single(bound.Keys);
        Assert.Equal(KeyAlgorithm.Sm2, key.Algorithm);
        Assert.Equal(point, key.PublicKey.ToByteArray());
        Assert.Equal("1234567812345678", key.Sm2UserId.ToStringUtf8());
        Assert.Equal("44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef", key.Fingerprint);
        Assert.Equal(2, withUserId.Keys.Count);
        Assert.Equal(["1234567812345678", "judge.li@court.example"], listed.Keys.Select(k => k.Sm2UserId.ToStringUtf8()));
        Assert.All(listed.Keys, k => Assert.Equal(KeyAlgorithm.Sm2, k.Algorithm));
        Assert.NotEqual(0, revoked.Keys[0].RevokedAtMs);
        Assert.Equal(0, revoked.Keys[1].RevokedAtMs);
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);

        (BindKeyRequest Request, string Reason)[] malformed =
        [
            (new BindKeyRequest { Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(point[..33]) }, "65-byte uncompressed point 04 ‖ x ‖ y, not 33 bytes"),
            (new BindKeyRequest { Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom([0x03, .. point[1..]]) }, "starts with the byte 04"),
            (new BindKeyRequest { Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(offCurve) }, "not a point on the SM2 curve"),
            (new BindKeyRequest { Algorithm = KeyAlgorithm.Sm2, PublicKey = ByteString.CopyFrom(point), Sm2UserId = ByteString.CopyFrom(new byte[256]) }, "at most 255 bytes, not 256"),
            (new BindKeyRequest { Algorithm = KeyAlgorithm.Ed25519, PublicKey = ByteString.CopyFrom(point) }, "an Ed25519 public key is 32 bytes, not 65"),
            (new BindKeyRequest { PublicKey = ByteString.CopyFrom(new byte[32]), Sm2UserId = ByteString.CopyFromUtf8("x") }, "SM2 keys only"),
            (new BindKeyRequest { Algorithm = (KeyAlgorithm)7, PublicKey = ByteString.CopyFrom(new byte[32]) }, "not Ed25519 (1) or SM2 (2)"),
        ];
        foreach ((BindKeyRequest request, string reason) in malformed)
        {
            request.PartyId = court.Id;
            RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await parties.BindKeyAsync(request));
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Contains(reason, refused.Status.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await parties.ListPartiesAsync(new ListPartiesRequest())).Parties.Single(p => p.Id == court.Id).Keys.Count);
        office.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task OldClient_BindKeyWithoutAlgorithm_BindsEd25519()
    {
        var depositor = new Depositor();
        using ServiceProcess office = Start("NotaryOffice");
        PartyService.PartyServiceClient parties = Parties(office);
        Party bank = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Lender, DisplayName = "Example Bank" });

        Party bound = await parties.BindKeyAsync(new BindKeyRequest { PartyId = bank.Id, PublicKey = ByteString.CopyFrom(depositor.PublicKey) });

        PartyKey key = Assert.Single(bound.Keys);
        Assert.Equal(KeyAlgorithm.Ed25519, key.Algorithm);
        Assert.True(key.Sm2UserId.IsEmpty);
        Assert.Equal(Core.Commitments.PartyCommitment.FingerprintEd25519(depositor.PublicKey).ToHex(), key.Fingerprint);
        office.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();
}
