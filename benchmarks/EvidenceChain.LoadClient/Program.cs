using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using CoreDeposits = EvidenceChain.Core.Deposits;

// Usage: LoadClient [--server URL] [--streams N] [--requests-per-stream N] [--entries N] [--anchor-latency N] [--ledger 1]
// Sends signed deposit requests over N concurrent DepositStream calls, each request acknowledged
// only once durable, and prints deposits/s and per-request acknowledgement latency. With
// --anchor-latency N it instead makes N deposits one after another and times each from the request
// to its final on-chain anchor (GetAnchorStatus), and counts the distinct anchors it saw. With
// --ledger 1 it instead sends escrow ledger batches (CreateTransfers of --entries transfers each,
// N callers at once), each answered once its ledger-batch leaf is durable, and prints transfers/s.
var settings = new Dictionary<string, string>
{
    ["--server"] = "http://127.0.0.1:5080",
    ["--streams"] = "4",
    ["--requests-per-stream"] = "100",
    ["--entries"] = "100",
    ["--anchor-latency"] = "0",
    ["--ledger"] = "0",
};
for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (!settings.ContainsKey(args[i]))
    {
        Console.Error.WriteLine($"unknown option {args[i]}; options: {string.Join(", ", settings.Keys)}");
        return 2;
    }

    settings[args[i]] = args[i + 1];
}

var server = new Uri(settings["--server"]);
if (!IPAddress.TryParse(server.Host, out IPAddress? address) ? server.Host != "localhost" : !IPAddress.IsLoopback(address))
{
    Console.Error.WriteLine($"refusing to load {server}: the load client only targets this machine's loopback addresses");
    return 2;
}

int streams = int.Parse(settings["--streams"], CultureInfo.InvariantCulture);
int requestsPerStream = int.Parse(settings["--requests-per-stream"], CultureInfo.InvariantCulture);
int entriesPerRequest = int.Parse(settings["--entries"], CultureInfo.InvariantCulture);

using GrpcChannel channel = GrpcChannel.ForAddress(server);
var client = new EvidenceService.EvidenceServiceClient(channel);
string originText = (await client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
LogOrigin origin = LogOrigin.TryParse(originText, out LogOrigin? parsed) ? parsed! : throw new InvalidOperationException("bad origin " + originText);
byte[] seed = RandomNumberGenerator.GetBytes(32);
byte[] publicKey = CoreDeposits.DepositRequest.PublicKeyOf(seed);

if (settings["--ledger"] != "0")
{
    return await LedgerLoad.RunAsync(channel, streams, requestsPerStream, entriesPerRequest).ConfigureAwait(false);
}

int anchorLatencyDeposits = int.Parse(settings["--anchor-latency"], CultureInfo.InvariantCulture);
if (anchorLatencyDeposits > 0)
{
    entriesPerRequest = 1;
    var finals = new List<double>();
    var anchors = new HashSet<string>();
    var run = Stopwatch.StartNew();
    for (int i = 0; i < anchorLatencyDeposits; i++)
    {
        DepositRequest request = Prepare((ulong)i);
        long started = Stopwatch.GetTimestamp();
        string depositId = (await client.DepositAsync(request)).Deposits[0].DepositId;
        AnchorInfo? final = null;
        while (final is null)
        {
            // Polling every 20 ms adds at most that much to each figure.
            await Task.Delay(20);
            final = (await client.GetAnchorStatusAsync(new GetAnchorStatusRequest { DepositId = depositId })).Anchors
                .FirstOrDefault(a => a.State == AnchorState.Final);
        }

        finals.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        anchors.Add(final.TransactionHash);
    }

    run.Stop();
    finals.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{anchorLatencyDeposits} deposits, each waited to a final anchor: deposit -> final anchor p50 {finals[finals.Count / 2] / 1000:F2} s, " +
        $"min {finals[0] / 1000:F2} s, max {finals[^1] / 1000:F2} s; {anchors.Count} distinct anchors in {run.Elapsed.TotalMinutes:F2} min " +
        $"= {anchors.Count / run.Elapsed.TotalMinutes:F1} anchors/min"));
    return 0;
}

// Requests are prepared (and signed) before the clock starts: the run measures the service.
var prepared = Enumerable.Range(0, streams).Select(_ => Enumerable.Range(0, requestsPerStream).Select(r => Prepare((ulong)r)).ToList()).ToList();
var latencies = new List<double>();
var clock = Stopwatch.StartNew();
await Task.WhenAll(prepared.Select(RunStreamAsync));
clock.Stop();

long deposits = (long)streams * requestsPerStream * entriesPerRequest;
latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{deposits} durable deposits in {clock.Elapsed.TotalSeconds:F2} s = {deposits / clock.Elapsed.TotalSeconds:F0} deposits/s " +
    $"({streams} streams x {requestsPerStream} requests x {entriesPerRequest} entries); " +
    $"ack latency per request p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms"));
return 0;

DepositRequest Prepare(ulong requestId)
{
    var entries = Enumerable.Range(0, entriesPerRequest).Select(_ => new CoreDeposits.DepositEntry(
        EvidenceChain.Core.Leaves.ContentKind.Data,
        1,
        new DigestPair(Digest.Read(RandomNumberGenerator.GetBytes(32)), Digest.Read(RandomNumberGenerator.GetBytes(32))),
        DerivedSalt.FromBytes(RandomNumberGenerator.GetBytes(32)))).ToList();
    var signed = new CoreDeposits.DepositRequest(origin, entries, CoreDeposits.RequestStamp.Create(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), RandomNumberGenerator.Fill));
    var request = new DepositRequest
    {
        RequestId = requestId,
        DepositorPublicKey = ByteString.CopyFrom(publicKey),
        Signature = ByteString.CopyFrom(signed.Sign(seed)),
        IssuedAtMs = signed.Stamp!.IssuedAtMs,
        Nonce = ByteString.CopyFrom(signed.Stamp.Nonce),
    };
    request.Entries.AddRange(entries.Select(e => new DepositEntry
    {
        Kind = ContentKind.Data,
        UnitCount = 1,
        UnitsRootSha256 = ByteString.CopyFrom(Digest.AsBytes(e.UnitsRoot.Sha256)),
        UnitsRootSm3 = ByteString.CopyFrom(Digest.AsBytes(e.UnitsRoot.Sm3)),
        PartySalt = ByteString.CopyFrom(Digest.AsBytes(e.PartySalt.Value)),
    }));
    return request;
}

async Task RunStreamAsync(List<DepositRequest> requests)
{
    using AsyncDuplexStreamingCall<DepositRequest, DepositResponse> call = client.DepositStream();
    var sentAt = new Dictionary<ulong, long>();
    Task reader = Task.Run(async () =>
    {
        await foreach (DepositResponse response in call.ResponseStream.ReadAllAsync())
        {
            double milliseconds;
            lock (sentAt)
            {
                milliseconds = Stopwatch.GetElapsedTime(sentAt[response.RequestId]).TotalMilliseconds;
            }

            lock (latencies)
            {
                latencies.Add(milliseconds);
            }
        }
    });
    foreach (DepositRequest request in requests)
    {
        lock (sentAt)
        {
            sentAt[request.RequestId] = Stopwatch.GetTimestamp();
        }

        await call.RequestStream.WriteAsync(request);
    }

    await call.RequestStream.CompleteAsync();
    await reader;
}

double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
