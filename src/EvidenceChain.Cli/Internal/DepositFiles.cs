using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The three files a deposit leaves with the depositor, named after the evidence:
/// <c>NAME.salt.json</c> (commitment.md §Salt file), <c>NAME.promise.json</c> (<see cref="PromiseFile"/>)
/// and <c>NAME.receipt.json</c> (receipt.md). NAME is the deposited file's or directory's whole name,
/// extension included, so <c>report.pdf</c> and <c>report.docx</c> never share a salt file.
/// They go beside the evidence (a directory's go into its parent: inside, they would change the
/// content) or into <c>--out</c>.
/// </summary>
internal sealed record DepositFiles(string SaltPath, string PromisePath, string ReceiptPath)
{
    public const string SaltSuffix = ".salt.json";
    public const string PromiseSuffix = ".promise.json";
    public const string ReceiptSuffix = ".receipt.json";

    /// <summary>The name used when the evidence has none of its own (a file system root).</summary>
    private const string FallbackName = "deposit";

    public IEnumerable<string> All => [SaltPath, PromisePath, ReceiptPath];

    public static DepositFiles For(string directory, string name) => new(
        Path.Combine(directory, name + SaltSuffix),
        Path.Combine(directory, name + PromiseSuffix),
        Path.Combine(directory, name + ReceiptSuffix));

    /// <summary>The files for <paramref name="content"/>, beside it or in <paramref name="outDirectory"/>.</summary>
    public static DepositFiles Beside(DepositContent content, string? outDirectory)
    {
        ArgumentNullException.ThrowIfNull(content);
        string evidence = Path.TrimEndingDirectorySeparator(Path.GetFullPath(content.SourcePath));
        string name = Path.GetFileName(evidence) is { Length: > 0 } own ? own : FallbackName;
        if (outDirectory is null)
        {
            return For(Path.GetDirectoryName(evidence) ?? evidence, name);
        }

        string directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory));
        if (!Directory.Exists(directory))
        {
            throw new OnlineInputException(OnlineProblem.OutputDirectoryNotFound, outDirectory);
        }

        if (content.IsDirectory && IsSameOrBelow(directory, evidence))
        {
            throw new OnlineInputException(OnlineProblem.OutputInsideContent, outDirectory, content.SourcePath);
        }

        return For(directory, name);
    }

    /// <summary>The files that belong with <paramref name="path"/> if it is named <c>NAME.salt.json</c> or <c>NAME.receipt.json</c>.</summary>
    public static bool TryFromFileName(string path, out DepositFiles? files)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? string.Empty;
        string fileName = Path.GetFileName(fullPath);
        foreach (string suffix in (string[])[SaltSuffix, ReceiptSuffix, PromiseSuffix])
        {
            if (fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.Ordinal))
            {
                files = For(directory, fileName[..^suffix.Length]);
                return true;
            }
        }

        files = null;
        return false;
    }

    private static bool IsSameOrBelow(string path, string directory)
    {
        // Case-insensitive where the file system usually is, so "Data/OUT" is caught under "data" on Windows.
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.Equals(directory, comparison)
            || path.StartsWith(directory + Path.DirectorySeparatorChar, comparison);
    }
}
