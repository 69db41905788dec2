using System.Net;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using CorePartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Who may manage a locator, and what the public side may cost, on the real service. Development
/// mode has one role per process, so another party is a restart with another role on the same data.
/// </summary>
public sealed class LocatorAccessTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AnotherParty_CannotRevokeMintOrListTheOwnersLocators_PermissionDenied()
    {
        string depositId;
        MintLocatorResponse minted;
        using (ServiceProcess office = Start(CorePartyRole.NotaryOffice))
        {
            depositId = await Depositor.DepositIncludedAsync(office);
            minted = await new LocatorService.LocatorServiceClient(office.Channel).MintLocatorAsync(new MintLocatorRequest { DepositId = depositId });
            Assert.Equal(0, office.Terminate());
        }

        using ServiceProcess enterprise = Start(CorePartyRole.Enterprise);
        var locators = new LocatorService.LocatorServiceClient(enterprise.Channel);
        RpcException revokeByLocator = await Assert.ThrowsAsync<RpcException>(async () => await locators.RevokeLocatorAsync(new RevokeLocatorRequest { Locator = minted.Locator }));
        RpcException revokeById = await Assert.ThrowsAsync<RpcException>(async () => await locators.RevokeLocatorAsync(new RevokeLocatorRequest { LocatorId = minted.Info.LocatorId }));
        RpcException mint = await Assert.ThrowsAsync<RpcException>(async () => await locators.MintLocatorAsync(new MintLocatorRequest { DepositId = depositId }));
        ListLocatorsResponse listed = await locators.ListLocatorsAsync(new ListLocatorsRequest());
        using var http = new HttpClient { BaseAddress = new Uri(enterprise.PublicAddress) };

        Assert.Equal(StatusCode.PermissionDenied, revokeByLocator.StatusCode);
        Assert.Contains("owner", revokeByLocator.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, revokeById.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, mint.StatusCode);
        Assert.Empty(listed.Locators);

        // Nothing changed: the locator still opens the receipt.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(minted.Path)).StatusCode);
        enterprise.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task PublicClientOverItsBudget_429WithRetryAfter_WhileGrpcIsStillServed()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Public:Urls=http://127.0.0.1:0", "--Public:RequestsPerSecondPerClient=2", "--Public:RequestBurstPerClient=2");
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };

        var statuses = new List<HttpResponseMessage>();
        for (int i = 0; i < 20; i++)
        {
            statuses.Add(await http.GetAsync("/v1/checkpoint"));
        }

        HttpResponseMessage refused = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(statuses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(statuses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests) >= 15);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty((await service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public void Start_PublicListenerOnAWrongAddress_RefusedInOneLine()
    {
        (string Argument, string Reason)[] cases =
        [
            ("--Public:Urls=https://127.0.0.1:0", "development mode has no server certificate"),
            ("--Public:Urls=http://0.0.0.0:0", "not a loopback address"),
            ("--Public:Urls=ftp://127.0.0.1:0", "not an http(s)://IP:PORT address"),
            ("--Public:RequestsPerSecondPerClient=0", "RequestsPerSecondPerClient"),
        ];
        foreach ((string argument, string reason) in cases)
        {
            (int exitCode, string output) = ServiceProcess.RunToExit(_data.Path, argument);

            Assert.Equal(1, exitCode);
            Assert.Contains("EvidenceChain service cannot start: ", output, StringComparison.Ordinal);
            Assert.Contains(reason, output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _data.Dispose();

    private ServiceProcess Start(CorePartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");
}
