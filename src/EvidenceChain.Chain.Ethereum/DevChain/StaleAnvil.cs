using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// The anvil a previous run left behind. A service killed with SIGKILL cannot stop its child, so its
/// anvil keeps running (and keeps dumping into our state file). The PID file names it; we stop it only
/// if that PID is still an anvil started on our state file (its command line in /proc), so a PID the
/// system has since given to another process is never touched.
/// </summary>
internal static class StaleAnvil
{
    private static readonly TimeSpan s_terminateTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_killTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Stops the anvil named by <paramref name="pidFile"/> if it runs on <paramref name="stateFile"/> (SIGTERM, so it dumps its state; SIGKILL after a bound), then removes the PID file.</summary>
    public static async Task StopAsync(string pidFile, string stateFile, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }

        string text = (await File.ReadAllTextAsync(pidFile, cancellationToken).ConfigureAwait(false)).Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int processId)
            && processId != Environment.ProcessId
            && IsAnvilOnStateFile(processId, stateFile))
        {
            DevChainLog.StoppingStaleAnvil(logger, processId, stateFile);
            PosixSignal.Terminate(processId);
            if (!await WaitForExitAsync(processId, s_terminateTimeout, cancellationToken).ConfigureAwait(false))
            {
                DevChainLog.AnvilKilled(logger, processId, s_terminateTimeout);
                KillQuietly(processId);
                if (!await WaitForExitAsync(processId, s_killTimeout, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"The anvil left by an earlier run (PID {processId}) did not stop; stop it, then start again.");
                }
            }
        }

        File.Delete(pidFile);
    }

    /// <summary>Whether <paramref name="processId"/> runs an anvil binary with <c>--state <paramref name="stateFile"/></c> (Linux /proc; elsewhere, never).</summary>
    internal static bool IsAnvilOnStateFile(int processId, string stateFile)
    {
        string[] arguments;
        try
        {
            arguments = File.ReadAllText($"/proc/{processId}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (arguments.Length == 0 || Path.GetFileNameWithoutExtension(arguments[0]) != "anvil")
        {
            return false;
        }

        int state = Array.IndexOf(arguments, "--state");
        return state >= 0 && state + 1 < arguments.Length && arguments[state + 1] == stateFile;
    }

    private static async Task<bool> WaitForExitAsync(int processId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (IsRunning(processId))
        {
            if (elapsed.Elapsed > timeout)
            {
                return false;
            }

            // A bounded poll: the process is not our child, so there is no exit notification to wait on.
            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Alive and not a zombie (a zombie has exited and only waits to be reaped by its parent).</summary>
    private static bool IsRunning(int processId)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            int endOfName = stat.LastIndexOf(')');
            return endOfName < 0 || endOfName + 2 >= stat.Length || stat[endOfName + 2] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void KillQuietly(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }
}
