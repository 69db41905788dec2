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

// Usage: LoadClient [--server URL] [--streams N] [--requests-per-stream N] [--entries N] [--in-flight N]
//                   [--duration SECONDS] [--warmup-requests N] [--depositor-key FILE] [--server-pid PID]
//                   [--ca FILE --cert FILE --cert-key FILE] [--receipts N [--receipt-callers N]]
//                   [--receipts-of-log N] [--anchor-latency N] [--ledger 1] [--tree-size 1]
// Sends signed deposit requests over N concurrent DepositStream calls, each request acknowledged
// only once durable, at most --in-flight unanswered per stream (0: all at once), until every stream
// has sent --requests-per-stream requests or --duration seconds have passed (then it sends no more
// and waits for the outstanding answers). Prints durable deposits/s, the acknowledgement latency per
// request, the time from acknowledgement to the first signed checkpoint including the request, and
// the client's and the server's CPU time over the measured interval (the server's from
// /proc/PID/stat: --server-pid, else the process listening on the server's port). Requests are
// signed before the clock starts and the service refuses a request signed more than 5 minutes ago,
// so a run must end within about 4 minutes. An https:// server is reached with mutual TLS as the
// CLI does it (--ca, --cert, --cert-key); the party must have the depositor key bound (--depositor-key,
// a key file as `evidencechain party my-key` makes it; without one a fresh random key is used, which
// only development mode accepts). With --receipts N, once every deposit is in a checkpoint, it asks
// N receipts (GetReceipt) of deposits sampled across the whole run (one per answer, at random),
// --receipt-callers at once, and prints receipts/s (ReceiptLoad). --receipts-of-log N deposits
// nothing and asks N receipts of leaves picked at random from the whole signed log (a log of deposits
// only, such as earlier runs wrote). --tree-size 1 prints the latest signed tree size and exits. With --anchor-latency N it instead makes N deposits one after
// another and times each from the request to its final on-chain anchor (GetAnchorStatus), and counts
// the distinct anchors it saw. With --ledger 1 it instead sends escrow ledger batches
// (CreateTransfers of --entries transfers each, N callers at once), each answered once its
// ledger-batch leaf is durable, and prints transfers/s.
var settings = new Dictionary<string, string?>
{
    ["--server"] = "http://127.0.0.1:5080",
    ["--streams"] = "4",
    ["--requests-per-stream"] = "100",
    ["--entries"] = "100",
    ["--in-flight"] = "50",
    ["--duration"] = "0",
    ["--warmup-requests"] = "200",
    ["--depositor-key"] = null,
    ["--server-pid"] = "0",
    ["--ca"] = null,
    ["--cert"] = null,
    ["--cert-key"] = null,
    ["--anchor-latency"] = "0",
    ["--ledger"] = "0",
    ["--receipts"] = "0",
    ["--receipts-of-log"] = "0",
    ["--tree-size"] = "0",
    ["--receipt-callers"] = "16",
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

var server = new Uri(settings["--server"]!);
if (!IPAddress.TryParse(server.Host, out IPAddress? address) ? server.Host != "localhost" : !IPAddress.IsLoopback(address))
{
    Console.Error.WriteLine($"refusing to load {server}: the load client only targets this machine's loopback addresses");
    return 2;
}

int streams = Number("--streams");
int requestsPerStream = Number("--requests-per-stream");
int entriesPerRequest = Number("--entries");
int inFlight = Number("--in-flight");
int durationSeconds = Number("--duration");
int warmUpRequests = Number("--warmup-requests");
if (durationSeconds > 240)
{
    Console.Error.WriteLine("--duration is at most 240 s: requests are signed before the clock starts, and the service refuses one signed more than 5 minutes ago");
    return 2;
}

using GrpcChannel channel = LoadChannel.Open(server, settings["--ca"], settings["--cert"], settings["--cert-key"]);
var client = new EvidenceService.EvidenceServiceClient(channel);
if (settings["--tree-size"] != "0")
{
    // For the script: the latest signed tree size alone, to divide the store's size by.
    Console.WriteLine((await client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize.ToString(CultureInfo.InvariantCulture));
    return 0;
}

int receiptsOfLog = Number("--receipts-of-log");
if (receiptsOfLog > 0)
{
    ulong treeSize = (await client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize;
    return await ReceiptLoad.RunAsync(client, treeSize, receiptsOfLog, Number("--receipt-callers"), ServerProcess.Find(Number("--server-pid"), server.Port));
}

string originText = (await client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
LogOrigin origin = LogOrigin.TryParse(originText, out LogOrigin? parsed) ? parsed! : throw new InvalidOperationException("bad origin " + originText);
byte[] seed = settings["--depositor-key"] is string keyPath
    ? Convert.FromBase64String(File.ReadAllText(keyPath).Trim())
    : RandomNumberGenerator.GetBytes(32);
if (seed.Length != 32)
{
    Console.Error.WriteLine($"{settings["--depositor-key"]} holds {seed.Length} bytes, not a 32-byte depositor key seed");
    return 2;
}

byte[] publicKey = CoreDeposits.DepositRequest.PublicKeyOf(seed);

if (settings["--ledger"] != "0")
{
    return await LedgerLoad.RunAsync(channel, streams, requestsPerStream, entriesPerRequest).ConfigureAwait(false);
}

int anchorLatencyDeposits = Number("--anchor-latency");
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
List<DepositRequest> warmUp = Enumerable.Range(0, warmUpRequests).Select(r => Prepare((ulong)r)).ToList();
ServerProcess? serverProcess = ServerProcess.Find(Number("--server-pid"), server.Port);
int receipts = Number("--receipts");
var depositIds = new List<string>();
int exitCode = await DepositLoad.RunAsync(
    client,
    prepared,
    warmUp,
    new DepositLoad.Settings(streams, inFlight, durationSeconds > 0 ? TimeSpan.FromSeconds(durationSeconds) : null, $"{streams} streams x {requestsPerStream} requests x {entriesPerRequest} entries"),
    serverProcess,
    receipts > 0 ? depositIds : null);
return exitCode != 0 || receipts == 0
    ? exitCode
    : await ReceiptLoad.RunAsync(client, depositIds, receipts, Number("--receipt-callers"), serverProcess);

int Number(string option) => int.Parse(settings[option]!, NumberStyles.None, CultureInfo.InvariantCulture);

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
