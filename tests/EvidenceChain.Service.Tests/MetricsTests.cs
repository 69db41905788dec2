using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The Prometheus scrape endpoint on the real service's public listener, over real HTTP on 127.0.0.1:
/// deposits and a refused request show up in the counters, the checkpoint age is there and the
/// sequencer lag returns to 0 once a checkpoint covers everything; and it can be switched off.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Scrape_AfterDepositsAndARefusal_CountsThemAndLagReturnsToZero()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100");
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        const int Deposits = 3;
        for (int i = 0; i < Deposits; i++)
        {
            await Depositor.DepositIncludedAsync(service);
        }

        string origin = (await service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        DepositRequest forged = new Depositor().Request(origin, [Depositor.Commit(RandomNumberGenerator.GetBytes(16)).Entry]);
        forged.Signature = ByteString.CopyFrom(new byte[64]);
        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.DepositAsync(forged));

        // Custody records of the first deposits may still wait for the next checkpoint: scrape until
        // the sequencer has caught up (bounded; the service checkpoints every 100 ms).
        string text = string.Empty;
        for (int attempt = 0; attempt < 100; attempt++)
        {
            text = await ScrapeAsync(http);
            if (Value(text, "evidencechain_sequencer_lag") == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.True(Value(text, "evidencechain_deposits_accepted_total") >= Deposits, text);
        Assert.True(Value(text, "evidencechain_deposits_acknowledged_total") >= Deposits, text);
        Assert.Equal(1, Value(text, "evidencechain_requests_rejected_total", "error_type=\"bad_signature\"", "rpc_grpc_status_code=\"3\""));
        Assert.Equal(0, Value(text, "evidencechain_sequencer_lag"));
        Assert.True(Value(text, "evidencechain_checkpoint_age_seconds") >= 0, text);
        Assert.Equal(0, Value(text, "evidencechain_promise_broken_total"));
        Assert.True(Value(text, "evidencechain_promise_inclusion_delay_seconds_count") >= 1, text);
        Assert.Equal(0, Value(text, "evidencechain_intake_queue_depth"));
        Assert.True(Value(text, "evidencechain_intake_queue_depth_limit") > 0, text);

        // Counts only: nothing of a depositor or a request is in the text.
        Assert.DoesNotContain(Convert.ToHexStringLower(forged.DepositorPublicKey.ToByteArray()), text, StringComparison.Ordinal);
        Assert.DoesNotContain("signature does not verify", text, StringComparison.Ordinal);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Scrape_WithAnchoringOnAChain_AnchorLagReachesZeroAndTheAnchorIsFinal()
    {
        using TestAnchorChain chain = await TestAnchorChain.StartAsync();
        using ServiceProcess service = ServiceProcess.Start(_data.Path, chain.ServiceArguments(_data.Path, TimeSpan.FromMilliseconds(200), finalityDepth: 0));
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        await Depositor.DepositIncludedAsync(service);

        // Bounded poll: the anchor lands within a few anchoring intervals of 200 ms.
        string text = string.Empty;
        for (int attempt = 0; attempt < 300; attempt++)
        {
            text = await ScrapeAsync(http);
            if (TryValue(text, "evidencechain_anchor_lag") == 0 && TryValue(text, "evidencechain_sequencer_lag") == 0 && TryValue(text, "evidencechain_anchor_finality_depth") == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(0, Value(text, "evidencechain_anchor_lag"));
        Assert.Equal(0, Value(text, "evidencechain_anchor_finality_depth"));
        Assert.True(Value(text, "evidencechain_anchor_age_seconds") >= 0, text);
        Assert.True(await chain.Contract.LatestTreeSizeAsync(OriginHash(service), CancellationToken.None) >= 2);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Scrape_MetricsDisabled_404AndTheFallbackDoesNotOfferIt()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Metrics:Enabled=false");
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };

        HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/metrics (Prometheus)", body, StringComparison.Ordinal);
        Assert.Contains("/v1/checkpoint", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_Enabled_TheFallbackOffersIt()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path);
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };

        HttpResponseMessage response = await http.GetAsync(new Uri("/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/metrics (Prometheus)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static Core.Hashing.Digest OriginHash(ServiceProcess service) =>
        Core.Checkpoints.LogOrigin.TryParse(service.Client.GetLogInfo(new GetLogInfoRequest()).Origin, out Core.Checkpoints.LogOrigin? origin)
            ? origin!.OriginHash
            : throw new InvalidOperationException("the service's origin does not parse");

    /// <summary>The value of the one sample named <paramref name="name"/> without labels beyond the scope's, or null when there is none.</summary>
    private static double? TryValue(string text, string name) =>
        text.Split('\n').Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal)) ? Value(text, name) : null;

    /// <summary>The value of the one sample named <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>.</summary>
    private static double Value(string text, string name, params string[] labels)
    {
        string[] samples = [.. text.Split('\n').Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))];
        Assert.True(samples.Length == 1, $"{samples.Length} samples of {name} {string.Join(',', labels)} in:\n{text}");
        string sample = samples[0];
        int valueStart = sample.LastIndexOf('}') is int brace and >= 0 ? brace + 1 : name.Length;
        return double.Parse(sample[valueStart..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
