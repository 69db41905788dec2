using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EvidenceChain.Testing;

/// <summary>
/// The real service as a child process on 127.0.0.1, port 0, with its own data directory: the test
/// reads the bound address from the service's "listening on" line, and the public listener's from its
/// "public listener on" line (port 0 too, unless <c>--Public:Urls</c> is given). Stopped (or killed)
/// by its own PID only. With <c>--Kestrel:Endpoints…</c> arguments (TLS) no <c>--urls</c> is added.
/// </summary>
public sealed partial class ServiceHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _publicAddress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceHostProcess(Process process)
    {
        _process = process;
    }

    public string Address => _address.Task.Result;

    /// <summary>The public web listener's address (printed before the gRPC one, so known once the service listens).</summary>
    public string PublicAddress => _publicAddress.Task.Wait(TimeSpan.FromSeconds(10))
        ? _publicAddress.Task.Result
        : throw new InvalidOperationException("The service printed no public listener address:\n" + Output);

    public int ProcessId => _process.Id;

    /// <summary>Everything the service printed so far (stdout and stderr), for failure messages and log checks.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Throws if the service logged an error or a critical event. A test class calls this when it
    /// is done: errors nobody expected are bugs even when every assertion held (STYLE.md practice 10).
    /// </summary>
    public void ThrowIfErrorsLogged()
    {
        if (Output.Split('\n').Any(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The service logged unexpected errors:\n" + Output);
        }
    }

    /// <summary>Starts the service and waits (bounded) until it listens; throws with its output if it exits first.</summary>
    public static ServiceHostProcess Start(string dataDirectory, params string[] extraArguments)
    {
        ServiceHostProcess service = StartUnchecked(dataDirectory, extraArguments);
        service._process.EnableRaisingEvents = true;
        service._process.Exited += (_, _) => service.OnExited();
        if (service._process.HasExited)
        {
            service.OnExited();
        }

        if (!service._address.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            service.Kill();
            throw new TimeoutException("The service did not start listening within 60 s:\n" + service.Output);
        }

        _ = service.Address;
        return service;
    }

    /// <summary>Runs the service to completion (for start-up refusals) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) RunToExit(string dataDirectory, params string[] extraArguments)
    {
        using ServiceHostProcess service = StartUnchecked(dataDirectory, extraArguments);
        if (!service._process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            service.Kill();
            throw new TimeoutException("The service kept running:\n" + service.Output);
        }

        service._process.WaitForExit();
        return (service._process.ExitCode, service.Output);
    }

    /// <summary>SIGTERM, as a service manager stops it, and waits (bounded) for a clean exit; returns the exit code.</summary>
    public int Terminate()
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            Kill();
            throw new TimeoutException("The service did not stop within 60 s of SIGTERM:\n" + Output);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown handlers run, nothing is flushed that was not already.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static ServiceHostProcess StartUnchecked(string dataDirectory, string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDirectory };
        string[] listen = extraArguments.Any(a => a.StartsWith("--Kestrel:Endpoints", StringComparison.Ordinal)) ? [] : ["--urls", "http://127.0.0.1:0"];

        // The service's default is a local development chain; tests that are not about anchoring do without it.
        string[] anchoring = extraArguments.Any(a => a.StartsWith("--Anchor:", StringComparison.Ordinal)) ? [] : ["--Anchor:Mode=off"];

        // Nor do they stamp checkpoints: the built-in TSA's token leaves would change the leaf counts they check.
        string[] stamping = extraArguments.Any(a => a.StartsWith("--Tsa:Stamping:", StringComparison.Ordinal)) ? [] : ["--Tsa:Stamping:UseBuiltIn=false"];

        // The public listener on any free port too (https in mtls mode, which serves https only).
        string publicScheme = extraArguments.Contains("--Security:Mode=mtls") ? "https" : "http";
        string[] publicListener = extraArguments.Any(a => a.StartsWith("--Public:Urls", StringComparison.Ordinal)) ? [] : [$"--Public:Urls={publicScheme}://127.0.0.1:0"];
        foreach (string argument in (string[])[ServiceDll(), .. listen, "--data", dataDirectory, .. anchoring, .. stamping, .. publicListener, .. extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        var service = new ServiceHostProcess(Process.Start(start)!);
        service._process.OutputDataReceived += (_, e) => service.OnLine(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.OnLine(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    private void OnExited()
    {
        // Let the output readers finish, so the message holds the reason the service gave.
        _process.WaitForExit();
        _address.TrySetException(new InvalidOperationException("The service exited before listening:\n" + Output));
        _publicAddress.TrySetException(new InvalidOperationException("The service exited before its public listener listened:\n" + Output));
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        Match match = ListeningLine().Match(line);
        if (match.Success)
        {
            _address.TrySetResult(match.Groups["address"].Value);
        }

        Match publicMatch = PublicListenerLine().Match(line);
        if (publicMatch.Success)
        {
            _publicAddress.TrySetResult(publicMatch.Groups["address"].Value);
        }
    }

    /// <summary>The service's own build output, next to its runtime config (the test references the project, so it is built).</summary>
    private static string ServiceDll()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string path = Path.Combine(RepoRoot(), "src", "EvidenceChain.Service", "bin", configuration, "net10.0", "EvidenceChain.Service.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the service is not at " + path);
    }

    /// <summary>The repository root: the folder holding EvidenceChain.sln above the test output.</summary>
    public static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvidenceChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found.");
    }

    [GeneratedRegex(@"EvidenceChain service listening on (?<address>https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"EvidenceChain public listener on (?<address>https?://127\.0\.0\.1:\d+)")]
    private static partial Regex PublicListenerLine();
}
