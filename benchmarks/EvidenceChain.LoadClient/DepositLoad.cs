using System.Diagnostics;
using System.Globalization;
using EvidenceChain.Protocol.V1;
using Grpc.Core;

/// <summary>
/// Durable deposit throughput through <c>DepositStream</c>: N concurrent streams, each keeping at
/// most <c>inFlight</c> signed requests unanswered, until each stream has sent its requests or the
/// duration is up (then no more are sent, and every outstanding answer is still awaited). Reports
/// acknowledged deposits per second over the measured interval (first send to last answer), the
/// acknowledgement (promise) latency per request, the time from acknowledgement to the first signed
/// checkpoint that includes the request (<see cref="CheckpointWatch"/>), and the CPU time the client
/// and the server process spent over the measured interval.
/// </summary>
internal static class DepositLoad
{
    /// <summary>After the last answer, how long to wait for a checkpoint that includes every deposit.</summary>
    private static readonly TimeSpan s_inclusionTimeout = TimeSpan.FromSeconds(60);

    public sealed record Settings(int Streams, int InFlight, TimeSpan? Duration, string Shape);

    public static async Task<int> RunAsync(
        EvidenceService.EvidenceServiceClient client,
        List<List<DepositRequest>> prepared,
        List<DepositRequest> warmUp,
        Settings settings,
        ServerProcess? server,
        List<string>? depositIdSample = null)
    {
        if (warmUp.Count > 0)
        {
            // Not measured: the service's first requests pay its JIT and fill its caches; an office's service runs warm.
            await RunStreamAsync(client, warmUp, settings.InFlight, null, null, null);
        }

        var latenciesMs = new List<double>();
        var watch = new CheckpointWatch();
        using var stopWatching = new CancellationTokenSource();
        Task watching = watch.RunAsync(client, stopWatching.Token);
        using var deadline = new CancellationTokenSource();
        var counts = new Counts(depositIdSample);

        using var self = Process.GetCurrentProcess();
        TimeSpan clientCpuStart = self.TotalProcessorTime;
        TimeSpan? serverCpuStart = server?.ProcessorTime();
        var clock = Stopwatch.StartNew();
        if (settings.Duration is TimeSpan duration)
        {
            deadline.CancelAfter(duration);
        }

        Exception? failure = null;
        try
        {
            await Task.WhenAll(prepared.Select(requests => RunStreamAsync(client, requests, settings.InFlight, deadline.Token, latenciesMs, (watch, counts))));
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            failure = e;
        }

        clock.Stop();
        self.Refresh();
        TimeSpan clientCpu = self.TotalProcessorTime - clientCpuStart;
        TimeSpan? serverCpu = server?.ProcessorTime() - serverCpuStart;
        var inclusionClock = Stopwatch.StartNew();
        bool allIncluded = failure is null && await watch.WaitAllIncludedAsync(s_inclusionTimeout);
        inclusionClock.Stop();
        await stopWatching.CancelAsync();
        await watching;

        if (failure is not null)
        {
            Console.Error.WriteLine($"the run failed after {counts.Requests} requests sent: {failure.Message}");
            return 1;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        latenciesMs.Sort();
        List<double> checkpointMs = watch.LatenciesMs();
        checkpointMs.Sort();
        int streamsStopped = settings.Duration is null ? 0 : counts.StreamsStoppedByDuration;
        string bound = settings.Duration is TimeSpan limit
            ? $"bounded by {counts.Requests} requests sent of {prepared.Sum(p => p.Count)} prepared or {limit.TotalSeconds:F0} s ({streamsStopped} of {settings.Streams} streams stopped by the duration)"
            : $"all {counts.Requests} prepared requests";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{counts.Deposits} durable deposits in {seconds:F2} s = {counts.Deposits / seconds:F0} deposits/s " +
            $"({settings.Shape}, at most {settings.InFlight} requests in flight per stream; {bound}; {counts.AlreadyDeposited} already deposited)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack (promise) latency per request: p50 {Percentile(latenciesMs, 0.50):F1} ms, p95 {Percentile(latenciesMs, 0.95):F1} ms, " +
            $"p99 {Percentile(latenciesMs, 0.99):F1} ms, max {Percentile(latenciesMs, 1):F1} ms"));
        string lastIncluded = allIncluded
            ? string.Create(CultureInfo.InvariantCulture, $"the last included {inclusionClock.Elapsed.TotalMilliseconds:F0} ms after the last ack")
            : string.Create(CultureInfo.InvariantCulture, $"{watch.Waiting} requests still not included {s_inclusionTimeout.TotalSeconds:F0} s after the last ack");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack -> first signed checkpoint including the request: p50 {Percentile(checkpointMs, 0.50):F0} ms, p95 {Percentile(checkpointMs, 0.95):F0} ms, " +
            $"max {Percentile(checkpointMs, 1):F0} ms ({checkpointMs.Count} requests, {watch.IncludedWhenAcknowledged} of them already in a checkpoint when acknowledged, {watch.CheckpointsSeen} checkpoints seen, " +
            $"{watch.Polls} GetCheckpoint polls every {CheckpointWatch.PollInterval.TotalMilliseconds:F0} ms; {lastIncluded})"));
        string serverText = server is null
            ? "server CPU not measured (no --server-pid and no listening process found on the port)"
            : string.Create(CultureInfo.InvariantCulture,
                $"server CPU {serverCpu!.Value.TotalSeconds:F2} s ({serverCpu.Value.TotalSeconds / seconds:F2} cores, {serverCpu.Value.TotalMilliseconds / counts.Deposits * 1000:F0} µs per deposit; pid {server.ProcessId} {server.How})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"over the measured interval of {seconds:F2} s wall: client CPU {clientCpu.TotalSeconds:F2} s ({clientCpu.TotalSeconds / seconds:F2} cores); ") + serverText);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"figures: deposits={counts.Deposits} wall_s={seconds:F2} deposits_per_s={counts.Deposits / seconds:F0} " +
            $"ack_p50_ms={Percentile(latenciesMs, 0.50):F1} ack_p95_ms={Percentile(latenciesMs, 0.95):F1} ack_p99_ms={Percentile(latenciesMs, 0.99):F1} " +
            $"checkpoint_p50_ms={Percentile(checkpointMs, 0.50):F0} checkpoint_p95_ms={Percentile(checkpointMs, 0.95):F0} " +
            $"client_cpu_s={clientCpu.TotalSeconds:F2} server_cpu_s={(serverCpu is TimeSpan s ? s.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "na")}"));
        return allIncluded ? 0 : 1;
    }

    /// <summary>
    /// Sends <paramref name="requests"/> on one stream, at most <paramref name="inFlight"/> unanswered
    /// (0: no bound), until they are all sent or <paramref name="deadline"/> fires; then waits for every answer.
    /// </summary>
    private static async Task RunStreamAsync(
        EvidenceService.EvidenceServiceClient client,
        List<DepositRequest> requests,
        int inFlight,
        CancellationToken? deadline,
        List<double>? latenciesMs,
        (CheckpointWatch Watch, Counts Counts)? record)
    {
        using AsyncDuplexStreamingCall<DepositRequest, DepositResponse> call = client.DepositStream();
        using SemaphoreSlim? window = inFlight > 0 ? new SemaphoreSlim(inFlight) : null;
        var sentAt = new Dictionary<ulong, long>();
        // A failed answer stream ends the sending too, instead of leaving it waiting for window room.
        using var broken = new CancellationTokenSource();
        Task reader = Task.Run(ReadAnswersAsync, CancellationToken.None);

        bool stoppedByDuration = false;
        foreach (DepositRequest request in requests)
        {
            if (deadline is CancellationToken due && due.IsCancellationRequested)
            {
                stoppedByDuration = true;
                break;
            }

            if (window is not null)
            {
                try
                {
                    await window.WaitAsync(broken.Token);
                }
                catch (OperationCanceledException) when (broken.IsCancellationRequested)
                {
                    await reader;
                }
            }

            lock (sentAt)
            {
                sentAt[request.RequestId] = Stopwatch.GetTimestamp();
            }

            await call.RequestStream.WriteAsync(request, CancellationToken.None);
            record?.Counts.Sent();
        }

        if (stoppedByDuration)
        {
            record?.Counts.StoppedByDuration();
        }

        await call.RequestStream.CompleteAsync();
        await reader;

        async Task ReadAnswersAsync()
        {
            try
            {
                await ReadAllAnswersAsync();
            }
            catch
            {
                await broken.CancelAsync();
                throw;
            }
        }

        async Task ReadAllAnswersAsync()
        {
            await foreach (DepositResponse response in call.ResponseStream.ReadAllAsync(CancellationToken.None))
            {
                long acknowledgedAt = Stopwatch.GetTimestamp();
                long started;
                lock (sentAt)
                {
                    started = sentAt[response.RequestId];
                }

                window?.Release();
                if (latenciesMs is null || record is not (CheckpointWatch watch, Counts counts))
                {
                    continue;
                }

                lock (latenciesMs)
                {
                    latenciesMs.Add(Stopwatch.GetElapsedTime(started, acknowledgedAt).TotalMilliseconds);
                }

                watch.Acknowledged(acknowledgedAt, response.Deposits.Max(d => d.LeafIndex));
                counts.Add(response.Deposits.Count, response.Deposits.Count(d => d.AlreadyDeposited));
                counts.Sample(response.Deposits[Random.Shared.Next(response.Deposits.Count)].DepositId);
            }
        }
    }

    /// <summary>The value at <paramref name="p"/> (0 to 1) of an ascending list; 0 when it is empty.</summary>
    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <param name="depositIdSample">Where one deposit id of each answer goes, at random, for the receipt run; null: none kept.</param>
    private sealed class Counts(List<string>? depositIdSample)
    {
        private long _deposits;
        private long _alreadyDeposited;
        private long _requests;
        private int _streamsStoppedByDuration;

        public long Deposits => Interlocked.Read(ref _deposits);

        public long AlreadyDeposited => Interlocked.Read(ref _alreadyDeposited);

        public long Requests => Interlocked.Read(ref _requests);

        public int StreamsStoppedByDuration => Volatile.Read(ref _streamsStoppedByDuration);

        public void Add(int deposits, int alreadyDeposited)
        {
            Interlocked.Add(ref _deposits, deposits);
            Interlocked.Add(ref _alreadyDeposited, alreadyDeposited);
        }

        public void Sent() => Interlocked.Increment(ref _requests);

        public void Sample(string depositId)
        {
            if (depositIdSample is null)
            {
                return;
            }

            lock (depositIdSample)
            {
                depositIdSample.Add(depositId);
            }
        }

        public void StoppedByDuration() => Interlocked.Increment(ref _streamsStoppedByDuration);
    }
}
