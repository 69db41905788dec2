using System.Globalization;
using System.Text;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Reads the small inputs (receipt, certificate PDF, salt file, key files) with a limit, so a wrong argument
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
    public static string ReadText(string path, int lengthMaxBytes) =>
        DecodeText(path, ReadAtMost(path, checked(lengthMaxBytes + 1 + s_utf8ByteOrderMark.Length)), lengthMaxBytes);

    /// <summary>The file's bytes, as they are; a file longer than <paramref name="lengthMaxBytes"/> is refused after reading one byte past the limit.</summary>
    public static byte[] ReadBytes(string path, int lengthMaxBytes)
    {
        byte[] bytes = ReadAtMost(path, checked(lengthMaxBytes + 1));
        return bytes.Length <= lengthMaxBytes ? bytes : throw TooLarge(path, lengthMaxBytes);
    }

    /// <summary>
    /// <paramref name="bytes"/>, read from <paramref name="path"/>, as <see cref="ReadText"/> decodes a file: for an
    /// input whose kind is known only once it is read (<c>verify</c>'s receipt or certificate PDF).
    /// </summary>
    public static string DecodeText(string path, ReadOnlySpan<byte> bytes, int lengthMaxBytes)
    {
        ReadOnlySpan<byte> text = bytes.StartsWith(s_utf8ByteOrderMark) ? bytes[s_utf8ByteOrderMark.Length..] : bytes;
        return text.Length <= lengthMaxBytes ? Encoding.UTF8.GetString(text) : throw TooLarge(path, lengthMaxBytes);
    }

    private static byte[] ReadAtMost(string path, int lengthMaxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        byte[] bytes = new byte[lengthMaxBytes];
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

        return bytes[..length];
    }

    private static InputException TooLarge(string path, int lengthMaxBytes) =>
        new(InputProblem.FileTooLarge, path, lengthMaxBytes.ToString(CultureInfo.InvariantCulture));
}
