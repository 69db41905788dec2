using System.Runtime.InteropServices;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// Sends SIGTERM, which .NET's Process cannot: anvil writes its state file when it receives SIGTERM
/// (or SIGINT), and loses everything since its last periodic dump when it is killed.
/// </summary>
internal static class PosixSignal
{
    // The same numbers on Linux and macOS.
    private const int SigTerm = 15;

    /// <summary>Asks <paramref name="processId"/> to stop; false if it is already gone. On Windows, kills it.</summary>
    public static bool Terminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                process.Kill();
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        return Kill(processId, SigTerm) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
