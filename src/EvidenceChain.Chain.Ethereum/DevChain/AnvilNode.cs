using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// One anvil process that we started: on 127.0.0.1 at a given port, started directly (its PID is the
/// node's), its PID written to the PID file, waited for in a bounded loop, and stopped with SIGTERM so it
/// writes its state file, killed only if it does not stop in time.
/// </summary>
internal sealed class AnvilNode : IAsyncDisposable
{
    private const int ErrorLinesKept = 20;
    private const int Starting = 0;
    private const int Running = 1;
    private const int Stopping = 2;
    private static readonly TimeSpan s_answerTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly AnvilLaunch _launch;
    private readonly ILogger _logger;
    private readonly string _listeningLine;
    private readonly Queue<string> _errorLines = new();
    private volatile bool _listening;
    private int _phase = Starting;

    private AnvilNode(Process process, AnvilLaunch launch, int port, ILogger logger)
    {
        _process = process;
        _launch = launch;
        _logger = logger;
        Rpc = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        _listeningLine = string.Create(CultureInfo.InvariantCulture, $"Listening on 127.0.0.1:{port}");
    }

    public Uri Rpc { get; }

    public int ProcessId { get; private set; }

    /// <summary>Starts anvil on <paramref name="port"/> and waits until it answers, or says why it did not.</summary>
    public static async Task<AnvilStart> TryStartAsync(AnvilLaunch launch, int port, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launch.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(launch.StateFile),
        };
        foreach (string argument in Arguments(launch, port))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new AnvilNode(process, launch, port, logger);
        process.OutputDataReceived += (_, e) => node.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnError(e.Data);
        process.Exited += (_, _) => node.OnExited();
        try
        {
            process.Start();
            node.ProcessId = process.Id;
        }
        catch
        {
            process.Dispose();
            throw;
        }

        try
        {
            await File.WriteAllTextAsync(launch.PidFile, string.Create(CultureInfo.InvariantCulture, $"{process.Id}\n"), cancellationToken).ConfigureAwait(false);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AnvilStartFailure failure = await WaitUntilAnsweringAsync(node, cancellationToken).ConfigureAwait(false);
            if (failure == AnvilStartFailure.None)
            {
                DevChainLog.AnvilStarted(logger, node.ProcessId, node.Rpc, launch.StateFile);
                return new AnvilStart(node, AnvilStartFailure.None, string.Empty);
            }

            await node.DisposeAsync().ConfigureAwait(false);
            return new AnvilStart(null, failure, node.LastError());
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Interval mining with --mixed-mining (a transaction is also mined at once) and one slot per epoch,
    /// so <c>safe</c> and <c>finalized</c> advance (they trail latest by one and two blocks). The state
    /// file is loaded at start, dumped every second and on SIGTERM/SIGINT. --prune-history keeps 64
    /// recent states in memory only (with none, a call against "latest" can race a new block) and
    /// nothing under ~/.foundry; the dump still holds every block header, so block hashes survive.
    /// </summary>
    private static IEnumerable<string> Arguments(AnvilLaunch launch, int port) =>
    [
        "--host", "127.0.0.1",
        "--port", port.ToString(CultureInfo.InvariantCulture),
        "--chain-id", launch.ChainId.ToString(CultureInfo.InvariantCulture),
        "--block-time", launch.BlockTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "--mixed-mining",
        "--slots-in-an-epoch", "1",
        "--prune-history", "64",
        "--state", launch.StateFile,
        "--state-interval", "1",
    ];

    private static async Task<AnvilStartFailure> WaitUntilAnsweringAsync(AnvilNode node, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (node._process.HasExited)
            {
                // Reads stdout and stderr to their end, so the error lines are complete.
                await node._process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return node.ExitReason();
            }

            // "Listening on" comes from our own process: an answer without it could come from another
            // node that holds the port while ours fails to bind.
            if (node._listening && await AnswersAsync(http, node.Rpc, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.CompareExchange(ref node._phase, Running, Starting);
                return AnvilStartFailure.None;
            }

            if (elapsed.Elapsed > s_answerTimeout)
            {
                return AnvilStartFailure.NoAnswer;
            }

            // A bounded readiness poll (anvil answers 0.1–0.3 s after start, longer with a large state).
            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri rpc, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await http.PostAsJsonAsync(rpc, new { jsonrpc = "2.0", id = 1, method = "web3_clientVersion", @params = Array.Empty<object>() }, cancellationToken).ConfigureAwait(false);
            using JsonDocument body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return body.RootElement.TryGetProperty("result", out JsonElement version)
                && version.ValueKind == JsonValueKind.String
                && version.GetString()!.Contains("anvil", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Stops anvil with SIGTERM (it writes its state file), kills it after a bound, and removes our PID file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _phase, Stopping) == Stopping)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                PosixSignal.Terminate(ProcessId);
                using var timeout = new CancellationTokenSource(s_stopTimeout);
                try
                {
                    await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    DevChainLog.AnvilKilled(_logger, ProcessId, s_stopTimeout);
                    _process.Kill();
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            DeleteOwnPidFile();
            _process.Dispose();
        }
    }

    private void DeleteOwnPidFile()
    {
        // A later start may already have replaced the file with its own PID: leave that one alone.
        try
        {
            if (File.Exists(_launch.PidFile) && File.ReadAllText(_launch.PidFile).Trim() == ProcessId.ToString(CultureInfo.InvariantCulture))
            {
                File.Delete(_launch.PidFile);
            }
        }
        catch (IOException)
        {
        }
    }

    private AnvilStartFailure ExitReason()
    {
        string errors;
        lock (_errorLines)
        {
            errors = string.Join('\n', _errorLines);
        }

        if (errors.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return AnvilStartFailure.PortTaken;
        }

        // anvil names the file it could not parse: "invalid value '<path>' for '--state <PATH>'".
        return errors.Contains(_launch.StateFile, StringComparison.Ordinal) && File.Exists(_launch.StateFile)
            ? AnvilStartFailure.StateUnreadable
            : AnvilStartFailure.Exited;
    }

    /// <summary>The last stderr line that reports an error (anvil ends with a "try --help" line), else the last one.</summary>
    private string LastError()
    {
        lock (_errorLines)
        {
            return _errorLines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? _errorLines.LastOrDefault()
                ?? "(nothing on stderr)";
        }
    }

    private void OnOutput(string? line)
    {
        // anvil prints its banner, every block and every RPC method name: only the bind line matters.
        if (line is not null && line.StartsWith(_listeningLine, StringComparison.Ordinal))
        {
            _listening = true;
        }
    }

    private void OnError(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_errorLines)
        {
            _errorLines.Enqueue(line.Trim());
            if (_errorLines.Count > ErrorLinesKept)
            {
                _errorLines.Dequeue();
            }
        }
    }

    private void OnExited()
    {
        // Ctrl+C in a terminal reaches anvil too (same process group): it writes its state and exits
        // with 0 while the service shuts down. Anything else is worth a warning.
        if (Volatile.Read(ref _phase) == Running && _process.ExitCode != 0)
        {
            DevChainLog.AnvilExited(_logger, ProcessId, _process.ExitCode, LastError());
        }
    }
}
