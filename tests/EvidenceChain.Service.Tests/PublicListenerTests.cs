using System.Net;
using System.Text.Json;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The public web listener on the real service over real HTTP on 127.0.0.1: the read-only JSON API,
/// receipts by locator (each read on the owner's custody trail), revocation, and the separation of
/// the public port from the gRPC port.
/// </summary>
public sealed class PublicListenerTests : IDisposable
{
    private readonly TempDirectory _data = new();

    // One depositor key: in development mode a new key's first deposit is a KeyBound custody event.
    private readonly Depositor _depositor = new();
    private readonly ServiceProcess _service;
    private readonly HttpClient _http = new() { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public PublicListenerTests()
    {
        _service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100");
        _http.BaseAddress = new Uri(_service.PublicAddress);
    }

    private LocatorService.LocatorServiceClient Locators => new(_service.Channel);

    [Fact]
    public async Task PublicRoutes_OverHttp11_CheckpointConsistencyAndAnchorsAnswered()
    {
        await DepositAsync();
        await DepositAsync();
        GetCheckpointResponse signed = await _service.Client.GetCheckpointAsync(new GetCheckpointRequest());

        (HttpResponseMessage checkpointResponse, JsonElement checkpoint) = await GetJsonAsync("/v1/checkpoint");
        (_, JsonElement consistency) = await GetJsonAsync($"/v1/consistency?first=1&second={signed.TreeSize}");
        (_, JsonElement latestAnchors) = await GetJsonAsync("/v1/anchors");
        (_, JsonElement anchors) = await GetJsonAsync("/v1/anchors?tree_size=1");
        GetConsistencyProofResponse proof = await _service.Client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 1, SecondTreeSize = signed.TreeSize });

        Assert.Equal(HttpVersion.Version11, checkpointResponse.Version);
        Assert.Equal("application/json", checkpointResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(_service.Client.GetLogInfo(new GetLogInfoRequest()).Origin, checkpoint.GetProperty("origin").GetString());
        Assert.Equal(signed.TreeSize, checkpoint.GetProperty("tree_size").GetUInt64());
        Assert.Equal(signed.Checkpoint, checkpoint.GetProperty("note").GetString());
        Assert.Equal(1UL, consistency.GetProperty("first_tree_size").GetUInt64());
        Assert.Equal(signed.TreeSize, consistency.GetProperty("second_tree_size").GetUInt64());
        Assert.Equal(proof.Proof.Select(h => h.ToBase64()), consistency.GetProperty("proof").EnumerateArray().Select(h => h.GetString()));
        Assert.NotEmpty(proof.Proof);
        Assert.False(latestAnchors.GetProperty("anchoring_enabled").GetBoolean());
        Assert.Equal(signed.TreeSize, latestAnchors.GetProperty("tree_size").GetUInt64());
        Assert.Equal(0, anchors.GetProperty("anchors").GetArrayLength());
    }

    [Fact]
    public async Task PublicRoutes_BadQueries_400WithASentenceNotYetSigned404ForUnknownRoutes()
    {
        string[] bad = ["/v1/consistency", "/v1/consistency?first=0", "/v1/consistency?first=1&second=999999", "/v1/consistency?first=-1", "/v1/anchors?tree_size=abc", "/v1/anchors?tree_size=0", "/v1/receipts/not-a-locator", "/v1/receipts/0123456789ABCDEF0123456789ABCDEF"];
        foreach (string path in bad)
        {
            (HttpStatusCode status, string error) = await GetErrorAsync(path);
            Assert.True(status == HttpStatusCode.BadRequest, $"{path}: {status} {error}");
            Assert.True(error.Length > 15, $"{path}: '{error}'");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetErrorAsync("/v1/leaves")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetErrorAsync("/")).Status);
    }

    [Fact]
    public async Task ReceiptByLocator_ReadAnonymously_VerifiesAndIsOnTheOwnersTrailWhileOwnReadsAreNot()
    {
        (string depositId, ulong leafIndex) = await DepositAsync();
        string owner = File.ReadAllText(Path.Combine(_data.Path, "office-party.txt")).Trim();
        MintLocatorResponse minted = await Locators.MintLocatorAsync(new MintLocatorRequest { DepositId = depositId });

        HttpResponseMessage read = await _http.GetAsync(minted.Path);
        string receiptJson = await read.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("no-store", read.Headers.CacheControl!.ToString());
        Assert.Matches("^[0-9a-f]{32}$", minted.Locator);
        Assert.Equal("/v1/receipts/" + minted.Locator, minted.Path);
        Assert.Equal(leafIndex, minted.Info.LeafIndex);
        Assert.Equal(depositId, minted.Info.DepositId);
        ReceiptReport report = ReceiptVerifier.Verify(receiptJson, TrustedKeys(), evidence: null);
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.True(Receipt.TryParse(receiptJson, out Receipt? receipt).IsValid);
        Assert.True(TlogProof.TryParse(receipt!.TlogProof, out TlogProof? proof).IsValid);
        Assert.Equal(leafIndex, proof!.LeafIndex);

        // The read is on the owner's trail, anonymous, about that deposit; and so is the mint.
        IReadOnlyList<CustodyRecord> trail = await IncludedTrailAsync();
        CustodyRecord readEvent = Assert.Single(trail, r => r.Action == CustodyAction.ReceiptReadByLocator);
        Assert.Null(readEvent.Actor);
        Assert.Equal(0, (int)readEvent.ActorRole);
        Assert.Equal(owner, Assert.Single(readEvent.Concerned).PartyId);
        Assert.Equal(depositId, Convert.ToHexStringLower(readEvent.Subject));
        Assert.Contains(minted.Info.LocatorId[..16], readEvent.Detail, StringComparison.Ordinal);
        CustodyRecord mintEvent = Assert.Single(trail, r => r.Action == CustodyAction.LocatorMinted);
        Assert.Equal(owner, mintEvent.Actor!.PartyId);
        Assert.True(mintEvent.RecordedAtMs <= readEvent.RecordedAtMs);

        // The owner's authenticated reads add nothing: after a later checkpoint the trail is the same.
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await _service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).Included);
        }

        await DepositAsync();
        Assert.Equal(trail.Count, (await IncludedTrailAsync()).Count);
    }

    [Fact]
    public async Task RevokedLocator_Answers404_ExactlyLikeAnUnknownOne()
    {
        (string depositId, ulong leafIndex) = await DepositAsync();
        MintLocatorResponse kept = await Locators.MintLocatorAsync(new MintLocatorRequest { LeafIndex = leafIndex });
        MintLocatorResponse revoked = await Locators.MintLocatorAsync(new MintLocatorRequest { DepositId = depositId });
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(revoked.Path)).StatusCode);

        ReceiptLocator answer = await Locators.RevokeLocatorAsync(new RevokeLocatorRequest { Locator = revoked.Locator });
        ReceiptLocator again = await Locators.RevokeLocatorAsync(new RevokeLocatorRequest { LocatorId = revoked.Info.LocatorId });
        HttpResponseMessage afterRevocation = await _http.GetAsync(revoked.Path);
        HttpResponseMessage unknown = await _http.GetAsync("/v1/receipts/" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
        ListLocatorsResponse listed = await Locators.ListLocatorsAsync(new ListLocatorsRequest { LeafIndex = leafIndex });

        Assert.Equal(HttpStatusCode.NotFound, afterRevocation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await afterRevocation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(kept.Path)).StatusCode);
        Assert.NotEqual(0, answer.RevokedAtMs);
        Assert.Equal(answer.RevokedAtMs, again.RevokedAtMs);
        Assert.Equal([revoked.Info.LocatorId, kept.Info.LocatorId], listed.Locators.Select(l => l.LocatorId));
        Assert.Equal([answer.RevokedAtMs, 0L], listed.Locators.Select(l => l.RevokedAtMs));
        Assert.DoesNotContain(listed.Locators, l => l.ToString().Contains(kept.Locator, StringComparison.Ordinal));
        Assert.Single(await IncludedTrailAsync(), r => r.Action == CustodyAction.LocatorRevoked);

        RpcException unknownRevocation = await Assert.ThrowsAsync<RpcException>(async () => await Locators.RevokeLocatorAsync(new RevokeLocatorRequest { LocatorId = new string('0', 64) }));
        RpcException badRevocation = await Assert.ThrowsAsync<RpcException>(async () => await Locators.RevokeLocatorAsync(new RevokeLocatorRequest { Locator = "short" }));
        Assert.Equal(StatusCode.NotFound, unknownRevocation.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badRevocation.StatusCode);
    }

    [Fact]
    public async Task Ports_GrpcNotServedOnThePublicPort_JsonNotServedOnTheGrpcPort()
    {
        // gRPC on the public port: no service there (HTTP/1.1 only on plaintext, and no gRPC routes).
        using (GrpcChannel channel = GrpcChannel.ForAddress(_service.PublicAddress))
        {
            RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await new EvidenceService.EvidenceServiceClient(channel).GetCheckpointAsync(new GetCheckpointRequest()));
            Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        }

        // JSON on the gRPC port, spoken as that port speaks (HTTP/2 without TLS): no such route.
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        HttpResponseMessage onGrpcPort = await h2c.GetAsync(_service.Address + "/v1/checkpoint");
        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
        Assert.Empty(await onGrpcPort.Content.ReadAsByteArrayAsync());

        // And the gRPC port still answers gRPC.
        Assert.NotEmpty((await _service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin);
    }

    public void Dispose()
    {
        _http.Dispose();
        _service.Dispose();
        _data.Dispose();
        _service.ThrowIfErrorsLogged();
    }

    private List<NoteVerifier> TrustedKeys() =>
        File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string path)
    {
        HttpResponseMessage response = await _http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        return (response, JsonDocument.Parse(body).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, string Error)> GetErrorAsync(string path)
    {
        HttpResponseMessage response = await _http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("error").GetString()!);
    }

    /// <summary>The owner's whole trail once a checkpoint includes all of it, verified offline with the published keys.</summary>
    private async Task<IReadOnlyList<CustodyRecord>> IncludedTrailAsync()
    {
        var client = new CustodyService.CustodyServiceClient(_service.Channel);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            GetCustodyTrailResponse page = await client.GetCustodyTrailAsync(new GetCustodyTrailRequest());
            if (!page.MorePending)
            {
                Assert.True(Core.Records.RecordStatement.TryParse(page.TrailJson, out Core.Records.RecordStatement? trail).IsValid);
                Verdict verdict = CustodyTrail.Verify(trail!, TrustedKeys(), out _, out IReadOnlyList<CustodyRecord> records);
                Assert.True(verdict.IsValid, verdict.ToString());
                return records;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The custody trail was not included in a checkpoint within 10 s.\n" + _service.Output);
    }

    private async Task<(string DepositId, ulong LeafIndex)> DepositAsync()
    {
        string origin = (await _service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        DepositResponse response = await _service.Client.DepositAsync(_depositor.Request(origin, [Depositor.Commit(Guid.NewGuid().ToByteArray()).Entry]));
        Protocol.V1.AcceptedDeposit deposit = response.Deposits[0];
        for (int attempt = 0; attempt < 200 && !(await _service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = deposit.DepositId })).Included; attempt++)
        {
            await Task.Delay(50);
        }

        return (deposit.DepositId, deposit.LeafIndex);
    }
}
