using System.Buffers;
using System.CommandLine;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// <c>evidencechain hash FILE…</c>: SHA-256 and SM3 of each file in one streaming pass, two lines per
/// file in the layout of <c>sha256sum</c> with the algorithm in front:
/// <code>
/// sha256  &lt;64 lowercase hex digits&gt;  &lt;path as given&gt;
/// sm3     &lt;64 lowercase hex digits&gt;  &lt;path as given&gt;
/// </code>
/// A file that cannot be read gets one line on stderr; the others are still hashed, and the exit
/// code is then 2.
/// </summary>
internal static class HashCommand
{
    public const string Sha256Label = "sha256";
    public const string Sm3Label = "sm3";

    public static Command Create(CliContext context, Option<string> language)
    {
        var files = new Argument<string[]>("FILE") { Description = "The files to hash.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("hash", "Print the SHA-256 and SM3 digests of files (one pass each, constant memory).") { files };
        command.SetAction(parsed => (int)Run(context, ReportText.For(parsed.GetValue(language)), parsed.GetRequiredValue(files)));
        return command;
    }

    /// <summary>The two output lines for one file.</summary>
    public static string FormatLines(DigestPair digests, string path) =>
        $"{Sha256Label,-6}  {digests.Sha256.ToHex()}  {path}\n{Sm3Label,-6}  {digests.Sm3.ToHex()}  {path}\n";

    private static ExitCode Run(CliContext context, ReportText text, IReadOnlyList<string> paths)
    {
        ExitCode result = ExitCode.Success;
        using var hasher = new ContentHasher();

        // The content may be confidential: the pooled buffer is cleared before another caller gets it.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamHashing.BufferLengthBytes);
        try
        {
            foreach (string path in paths)
            {
                try
                {
                    DigestPair digests = HashFile(context, text, path, hasher, buffer.AsMemory(0, StreamHashing.BufferLengthBytes));
                    context.Output.Write(FormatLines(digests, path));
                }
                catch (InputException e)
                {
                    context.Error.WriteLine(text.Error(e));
                    result = ExitCode.UnusableInput;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        return result;
    }

    private static DigestPair HashFile(CliContext context, ReportText text, string path, ContentHasher hasher, Memory<byte> buffer)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        try
        {
            // Pipes are fine here (hash reads to the end); a regular file's length sizes the progress bar.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            long lengthBytes = stream.CanSeek ? stream.Length : 0;
            return ProgressDisplay.Run(
                context,
                $"{text.HashingProgress} {path}",
                lengthBytes,
                advance => StreamHashing.HashToEnd(stream, hasher, buffer, advance));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }
    }
}
