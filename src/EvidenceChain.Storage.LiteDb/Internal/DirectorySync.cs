using System.Runtime.InteropServices;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// fsync of a directory, so that a newly created file (or directory) survives a power loss: on
/// Linux a file's fsync does not make its name durable. .NET cannot open a directory as a stream,
/// hence the three libc calls. Windows needs none of this (NTFS journals its directory entries,
/// and a directory cannot be flushed there).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    public static void FlushToDisk(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open the directory '{directory}' to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not fsync the directory '{directory}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
