using System.Globalization;
using System.Text;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Reads the small text inputs (receipt, salt file, key files) with a limit, so a wrong argument
/// (a disk image named as the receipt) fails fast instead of filling memory. Pipes are allowed:
/// a receipt may come from <c>&lt;(curl …)</c>.
/// </summary>
internal static class InputFile
{
    private static readonly byte[] s_utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The file's text without a UTF-8 byte order mark (Windows editors add one). A file longer than
    /// <paramref name="lengthMaxBytes"/> is refused after reading a few bytes past the limit. Invalid
    /// UTF-8 is decoded as U+FFFD, which Core refuses in signed notes, the only text a signature covers.
    /// </summary>
    public static string ReadText(string path, int lengthMaxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        byte[] bytes = new byte[checked(lengthMaxBytes + 1 + s_utf8ByteOrderMark.Length)];
        int length = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            int read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }

        ReadOnlySpan<byte> text = bytes.AsSpan(0, length);
        if (text.StartsWith(s_utf8ByteOrderMark))
        {
            text = text[s_utf8ByteOrderMark.Length..];
        }

        if (text.Length > lengthMaxBytes)
        {
            throw new InputException(InputProblem.FileTooLarge, path, lengthMaxBytes.ToString(CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetString(text);
    }
}
