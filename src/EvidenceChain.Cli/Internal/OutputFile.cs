using System.Text;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Writes what the online commands keep: never over an existing file unless it is the one being
/// updated, flushed to disk before the command goes on (a salt file must survive a crash that
/// follows the deposit), and owner-only from creation where the content is secret.
/// </summary>
internal static class OutputFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates <paramref name="path"/>; refuses if it exists. <paramref name="hint"/> ends the "exists" message.</summary>
    public static void WriteNew(string path, string text, bool ownerOnly, string hint = "") => WriteNew(path, s_utf8.GetBytes(text), ownerOnly, hint);

    /// <summary>Creates <paramref name="path"/> with <paramref name="bytes"/>; refuses if it exists, as the text overload does.</summary>
    public static void WriteNew(string path, byte[] bytes, bool ownerOnly, string hint = "")
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, path, hint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnlineInputException(OnlineProblem.Unwritable, path, e.Message);
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> in one step (a new file beside it, then a rename), so a crash
    /// leaves either the old receipt or the new one, never half of either.
    /// </summary>
    public static void Replace(string path, string text)
    {
        string temporary = path + ".new-" + Guid.NewGuid().ToString("N")[..8];
        WriteNew(temporary, text, ownerOnly: false);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new OnlineInputException(OnlineProblem.Unwritable, path, e.Message);
        }
    }
}
