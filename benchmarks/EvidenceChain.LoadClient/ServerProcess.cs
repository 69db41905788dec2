using System.Globalization;

/// <summary>
/// The service's process on this machine, for its CPU time: <c>utime + stime</c> from
/// <c>/proc/PID/stat</c> (fields 14 and 15, in clock ticks of 1/100 s: USER_HZ is 100 on Linux for
/// every architecture .NET runs on), all threads of the process, user and kernel. The PID is the one
/// given (<c>--server-pid</c>), else the owner of the listening loopback socket on the server's port,
/// found through <c>/proc/net/tcp{,6}</c> (socket inode) and <c>/proc/*/fd</c> (which process holds
/// it; only processes of this user can be seen).
/// </summary>
internal sealed class ServerProcess
{
    private const double TicksPerSecond = 100;

    private ServerProcess(int processId, string how)
    {
        ProcessId = processId;
        How = how;
    }

    public int ProcessId { get; }

    /// <summary>How the PID was found, for the report.</summary>
    public string How { get; }

    /// <summary>The process given, else the one listening on <paramref name="port"/>; null off Linux or when none is found.</summary>
    public static ServerProcess? Find(int givenProcessId, int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (givenProcessId > 0)
        {
            return File.Exists($"/proc/{givenProcessId}/stat") ? new ServerProcess(givenProcessId, "given by --server-pid") : null;
        }

        HashSet<string> sockets = ListeningSockets(port);
        if (sockets.Count == 0)
        {
            return null;
        }

        foreach (string process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out int processId))
            {
                continue;
            }

            try
            {
                foreach (string descriptor in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(descriptor).LinkTarget is string target && sockets.Contains(target))
                    {
                        return new ServerProcess(processId, $"found as the owner of the socket listening on port {port}");
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that has just exited.
            }
        }

        return null;
    }

    /// <summary>User plus kernel CPU time of every thread of the process so far.</summary>
    public TimeSpan ProcessorTime()
    {
        string stat = File.ReadAllText($"/proc/{ProcessId}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>"socket:[INODE]" of every socket in state LISTEN (0A) on <paramref name="port"/>.</summary>
    private static HashSet<string> ListeningSockets(int port)
    {
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        string portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (string table in (string[])["/proc/net/tcp", "/proc/net/tcp6"])
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (string line in File.ReadLines(table).Skip(1))
            {
                string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1].EndsWith(":" + portHex, StringComparison.Ordinal) && columns[3] == "0A")
                {
                    sockets.Add($"socket:[{columns[9]}]");
                }
            }
        }

        return sockets;
    }
}
