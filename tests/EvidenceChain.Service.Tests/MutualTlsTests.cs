using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Mutual TLS on real loopback connections: a deployment CA made here, the service with its server
/// certificate, and callers presenting party certificates (or bad ones).
/// </summary>
public sealed class MutualTlsTests : IDisposable
{
    private readonly TempDirectory _data = new();
    // The CA was made a week ago, so that it can also issue a certificate that is out of date today.
    private readonly DeploymentCa _caLastWeek = DeploymentCa.Create("Test deployment CA", TimeSpan.FromDays(30), new ShiftedTime(TimeSpan.FromDays(-7)));
    private readonly DeploymentCa _ca;
    private readonly string _caFile;
    private readonly string[] _arguments;

    public MutualTlsTests()
    {
        _ca = DeploymentCa.FromCertificate(_caLastWeek.Certificate, TimeProvider.System);
        _caFile = Path.Combine(_data.Path, "ca.crt.pem");
        File.WriteAllText(_caFile, _ca.Certificate.ExportCertificatePem());
        using X509Certificate2 server = _ca.IssueServer(["localhost"], [IPAddress.Loopback], TimeSpan.FromDays(1));
        CertificateFiles.Write(server, Path.Combine(_data.Path, "server.crt.pem"), Path.Combine(_data.Path, "server.key.pem"));
        _arguments =
        [
            "--urls", "https://127.0.0.1:0",
            "--Security:Mode=mtls",
            $"--Security:CaCertificate={_caFile}",
            $"--Security:ServerCertificate={Path.Combine(_data.Path, "server.crt.pem")}",
            $"--Security:ServerKey={Path.Combine(_data.Path, "server.key.pem")}",
            "--Sequencer:Interval=00:00:00.100",
        ];
    }

    [Fact]
    public async Task PartyCertificates_MapToRegisteredParties_KeysMustBeBoundByTheOffice()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, _arguments);
        string officeId = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();
        using X509Certificate2 officeCertificate = _ca.IssueParty("Notary office", PartyId.Parse(officeId), TimeSpan.FromDays(1));
        using GrpcChannel office = Channel(service, officeCertificate);
        var officeParties = new PartyService.PartyServiceClient(office);
        Party enterprise = await officeParties.RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Enterprise, DisplayName = "Jinan Example Co." });
        using X509Certificate2 enterpriseCertificate = _ca.IssueParty("Jinan Example Co.", PartyId.Parse(enterprise.Id), TimeSpan.FromDays(1));
        using GrpcChannel enterpriseChannel = Channel(service, enterpriseCertificate);
        var enterpriseClient = new EvidenceService.EvidenceServiceClient(enterpriseChannel);
        var key = new Depositor();
        string origin = (await enterpriseClient.GetLogInfoAsync(new GetLogInfoRequest())).Origin;

        RpcException unbound = await Assert.ThrowsAsync<RpcException>(async () => await enterpriseClient.DepositAsync(key.Request(origin, [Depositor.Commit("before binding"u8.ToArray()).Entry])));
        await officeParties.BindKeyAsync(new BindKeyRequest { PartyId = enterprise.Id, PublicKey = ByteString.CopyFrom(key.PublicKey) });
        DepositRequest signed = key.Request(origin, [Depositor.Commit("after binding"u8.ToArray()).Entry]);
        DepositResponse deposited = await enterpriseClient.DepositAsync(signed);
        Party me = await new PartyService.PartyServiceClient(enterpriseChannel).WhoAmIAsync(new WhoAmIRequest());

        // The same signed request again is a replay; one signed an hour ago is stale; a signature
        // that does not match is a forgery. None of them adds a leaf.
        var officeClient = new EvidenceService.EvidenceServiceClient(office);
        int leavesBefore = await LeafCountAsync(officeClient);
        RpcException replayed = await Assert.ThrowsAsync<RpcException>(async () => await enterpriseClient.DepositAsync(signed));
        RpcException stale = await Assert.ThrowsAsync<RpcException>(async () => await enterpriseClient.DepositAsync(
            key.Request(origin, [Depositor.Commit("an hour ago"u8.ToArray()).Entry], issuedAtMs: DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds())));
        DepositRequest forged = key.Request(origin, [Depositor.Commit("forged"u8.ToArray()).Entry]);
        forged.Signature = ByteString.CopyFrom([.. forged.Signature.Span[..^1], (byte)(forged.Signature.Span[^1] ^ 1)]);
        RpcException forgery = await Assert.ThrowsAsync<RpcException>(async () => await enterpriseClient.DepositAsync(forged));
        Assert.Equal(StatusCode.AlreadyExists, replayed.StatusCode);
        Assert.Contains("already received", replayed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, stale.StatusCode);
        Assert.Contains("check the clock", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, forgery.StatusCode);
        Assert.Contains("signature", forgery.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(leavesBefore, await LeafCountAsync(officeClient));

        // The office's changes to the enterprise are in the enterprise's own custody trail.
        GetCustodyTrailResponse trail = await new CustodyService.CustodyServiceClient(enterpriseChannel).GetCustodyTrailAsync(new GetCustodyTrailRequest());
        for (int attempt = 0; attempt < 100 && (trail.MorePending || !trail.TrailJson.Contains("\"entries\":[{", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(50);
            trail = await new CustodyService.CustodyServiceClient(enterpriseChannel).GetCustodyTrailAsync(new GetCustodyTrailRequest());
        }

        Assert.True(Core.Records.RecordStatement.TryParse(trail.TrailJson, out Core.Records.RecordStatement? parsed).IsValid);
        Assert.True(Core.Custody.CustodyTrail.Verify(parsed!, File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(Core.Notes.NoteVerifierKey.Parse).ToList(), out _, out var records).IsValid);
        Assert.Equal([Core.Custody.CustodyAction.PartyRegistered, Core.Custody.CustodyAction.KeyBound], records.Select(r => r.Action));

        Assert.Equal(StatusCode.PermissionDenied, unbound.StatusCode);
        Assert.Contains("not bound to your party", unbound.Status.Detail, StringComparison.Ordinal);
        Assert.Single(deposited.Deposits);
        Assert.Equal((enterprise.Id, PartyRole.Enterprise), (me.Id, me.Role));
        Assert.Equal(PartyRole.NotaryOffice, (await officeParties.WhoAmIAsync(new WhoAmIRequest())).Role);

        // Revoking the certificate shuts that caller out at its next call.
        string fingerprint = CertificateFingerprint.Sha256Hex(enterpriseCertificate);
        await officeParties.RevokeCertificateAsync(new RevokeCertificateRequest { PartyId = enterprise.Id, CertificateFingerprint = fingerprint });
        RpcException revoked = await Assert.ThrowsAsync<RpcException>(async () => await enterpriseClient.GetLogInfoAsync(new GetLogInfoRequest()));
        Assert.Equal(StatusCode.Unauthenticated, revoked.StatusCode);
        Assert.Contains("revoked", revoked.Status.Detail, StringComparison.Ordinal);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task BadCertificates_Unauthenticated_WithTheReason()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, _arguments);
        using DeploymentCa otherCa = DeploymentCa.Create("Another CA", TimeSpan.FromDays(30), TimeProvider.System);
        string officeId = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();

        (X509Certificate2? Certificate, string Reason)[] cases =
        [
            (null, "no certificate"),
            (otherCa.IssueParty("Office from elsewhere", PartyId.Parse(officeId), TimeSpan.FromDays(1)), "CA"),
            (_ca.IssueParty("Nobody", PartyId.NewRandom(), TimeSpan.FromDays(1)), "has not registered"),
            (_ca.IssueServer(["localhost"], [], TimeSpan.FromDays(1)), "client"),
            (_caLastWeek.IssueParty("Notary office", PartyId.Parse(officeId), TimeSpan.FromDays(1)), "expired"),
        ];

        foreach ((X509Certificate2? certificate, string reason) in cases)
        {
            using GrpcChannel channel = Channel(service, certificate);
            RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await new EvidenceService.EvidenceServiceClient(channel).GetCheckpointAsync(new GetCheckpointRequest()));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.Contains(reason, refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
            certificate?.Dispose();
        }

        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task BusyParty_OverItsBudget_ResourceExhaustedWhileAnotherPartyIsStillServed()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, [.. _arguments, "--Security:CallsPerSecondPerParty=2", "--Security:CallBurstPerParty=2"]);
        string officeId = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();
        using X509Certificate2 officeCertificate = _ca.IssueParty("Notary office", PartyId.Parse(officeId), TimeSpan.FromDays(1));
        using GrpcChannel office = Channel(service, officeCertificate);
        Party auditor = await new PartyService.PartyServiceClient(office).RegisterPartyAsync(new RegisterPartyRequest { Role = PartyRole.Auditor, DisplayName = "Busy Auditor" });
        using X509Certificate2 auditorCertificate = _ca.IssueParty("Busy Auditor", PartyId.Parse(auditor.Id), TimeSpan.FromDays(1));
        using GrpcChannel busy = Channel(service, auditorCertificate);
        var busyClient = new EvidenceService.EvidenceServiceClient(busy);

        var refusals = new List<RpcException>();
        for (int call = 0; call < 20; call++)
        {
            try
            {
                await busyClient.GetLogInfoAsync(new GetLogInfoRequest());
            }
            catch (RpcException e)
            {
                refusals.Add(e);
            }
        }

        // The office has its own budget: the auditor's exhaustion does not reach it.
        GetLogInfoResponse officeAnswer = await new EvidenceService.EvidenceServiceClient(office).GetLogInfoAsync(new GetLogInfoRequest());

        Assert.NotEmpty(refusals);
        Assert.All(refusals, e => Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode));
        Assert.Contains("budget", refusals[0].Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(officeAnswer.Origin);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public void Start_MtlsOnAPlaintextAddress_RefusedInOneLine()
    {
        string[] plaintext = [.. _arguments.Select(a => a == "https://127.0.0.1:0" ? "http://127.0.0.1:0" : a)];

        (int exitCode, string output) = ServiceProcess.RunToExit(_data.Path, plaintext);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not HTTPS", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _caLastWeek.Dispose();
        _data.Dispose();
    }

    /// <summary>A channel that trusts only the test CA's server certificate and presents <paramref name="client"/> (or nothing).</summary>
    /// <summary>Leaves accepted so far, signed or not (the office may read raw leaves; a small log fits one page).</summary>
    private static async Task<int> LeafCountAsync(EvidenceService.EvidenceServiceClient office) =>
        (await office.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1000 })).Leaves.Count;

    private GrpcChannel Channel(ServiceProcess service, X509Certificate2? client)
    {
        X509Certificate2 ca = _ca.Certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = client is null ? null : new X509CertificateCollection { client },
                RemoteCertificateValidationCallback = DeploymentTrust.IssuedBy(ca),
            },
        };
        return GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>A clock set back, to make certificates that are already out of date.</summary>
    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
