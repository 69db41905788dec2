using System.Diagnostics;
using System.Globalization;
using EvidenceChain.Protocol.V1;

/// <summary>
/// Proof serving: <c>GetReceipt</c> for deposits picked at random from the whole log the deposit run wrote, by
/// <c>concurrency</c> callers at once, each receipt built from the store (inclusion proof from stored subtrees,
/// promise, anchors, tokens) against the latest checkpoint. Reports receipts per second, latency percentiles, the
/// receipts' size and the server's CPU per receipt.
/// </summary>
internal static class ReceiptLoad
{
    private const int WarmUpReceipts = 200;

    /// <summary>Receipts of deposits picked at random from <paramref name="depositIds"/> (those the deposit run sampled).</summary>
    public static Task<int> RunAsync(EvidenceService.EvidenceServiceClient client, IReadOnlyList<string> depositIds, int receipts, int concurrency, ServerProcess? server)
    {
        if (depositIds.Count == 0)
        {
            Console.Error.WriteLine("no deposit ids to ask receipts for");
            return Task.FromResult(1);
        }

        return RunAsync(client, random => new GetReceiptRequest { DepositId = depositIds[random.Next(depositIds.Count)] }, $"of {depositIds.Count} sampled across the log", receipts, concurrency, server);
    }

    /// <summary>Receipts of leaves picked at random from the whole signed log of <paramref name="treeSize"/> leaves, all deposits.</summary>
    public static Task<int> RunAsync(EvidenceService.EvidenceServiceClient client, ulong treeSize, int receipts, int concurrency, ServerProcess? server) =>
        RunAsync(client, random => new GetReceiptRequest { LeafIndex = (ulong)random.NextInt64((long)treeSize) }, $"of all {treeSize} leaves", receipts, concurrency, server);

    private static async Task<int> RunAsync(EvidenceService.EvidenceServiceClient client, Func<Random, GetReceiptRequest> pick, string population, int receipts, int concurrency, ServerProcess? server)
    {
        // Not measured: the service's first receipts pay its JIT.
        await FetchAsync(client, pick, WarmUpReceipts, concurrency, latenciesMs: null);

        var latenciesMs = new List<double>(receipts);
        TimeSpan? serverCpuStart = server?.ProcessorTime();
        var clock = Stopwatch.StartNew();
        long bytes = await FetchAsync(client, pick, receipts, concurrency, latenciesMs);
        clock.Stop();
        TimeSpan? serverCpu = server?.ProcessorTime() - serverCpuStart;

        double seconds = clock.Elapsed.TotalSeconds;
        latenciesMs.Sort();
        string serverText = serverCpu is TimeSpan cpu
            ? string.Create(CultureInfo.InvariantCulture, $"server CPU {cpu.TotalSeconds:F2} s ({cpu.TotalMilliseconds / receipts * 1000:F0} µs per receipt)")
            : "server CPU not measured";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{receipts} receipts of random deposits ({population}), {concurrency} callers: {receipts / seconds:F0} receipts/s; " +
            $"latency p50 {DepositLoad.Percentile(latenciesMs, 0.50):F2} ms, p99 {DepositLoad.Percentile(latenciesMs, 0.99):F2} ms; {bytes / receipts} bytes per receipt; {serverText}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"receipt figures: receipts_per_s={receipts / seconds:F0} receipt_p50_ms={DepositLoad.Percentile(latenciesMs, 0.50):F2} receipt_p99_ms={DepositLoad.Percentile(latenciesMs, 0.99):F2} " +
            $"receipt_bytes={bytes / receipts} server_cpu_us_per_receipt={(serverCpu is TimeSpan c ? (c.TotalMilliseconds / receipts * 1000).ToString("F0", CultureInfo.InvariantCulture) : "na")}"));
        return 0;
    }

    private static async Task<long> FetchAsync(EvidenceService.EvidenceServiceClient client, Func<Random, GetReceiptRequest> pick, int count, int concurrency, List<double>? latenciesMs)
    {
        int next = -1;
        long bytes = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async caller =>
        {
            var random = new Random(caller);
            while (Interlocked.Increment(ref next) < count)
            {
                GetReceiptRequest request = pick(random);
                long started = Stopwatch.GetTimestamp();
                GetReceiptResponse answer = await client.GetReceiptAsync(request);
                double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!answer.Included || answer.ReceiptJson.Length == 0)
                {
                    throw new InvalidOperationException($"{request} has no receipt yet; the deposit run waits for every checkpoint first");
                }

                Interlocked.Add(ref bytes, answer.ReceiptJson.Length);
                if (latenciesMs is not null)
                {
                    lock (latenciesMs)
                    {
                        latenciesMs.Add(milliseconds);
                    }
                }
            }
        }));
        return bytes;
    }
}
