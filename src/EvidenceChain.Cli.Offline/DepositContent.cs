using System.Buffers;
using System.Diagnostics;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// A deposit's content as files on disk (commitment.md §Units): one file committed under the path
/// "", or every regular file below a directory under its normalized relative path. It turns the
/// content into units and units roots: <see cref="ComputeEvidence"/> for <c>verify</c>,
/// <see cref="CreateSaltFile"/> for <c>deposit</c>. Symbolic links and special files are refused,
/// never skipped, so what is committed is exactly what the depositor sees in the directory.
/// </summary>
internal sealed class DepositContent
{
    private DepositContent(string sourcePath, IReadOnlyList<ContentFile> files, bool isDirectory)
    {
        SourcePath = sourcePath;
        Files = files;
        IsDirectory = isDirectory;
        TotalLengthBytes = files.Aggregate(0L, (sum, file) => checked(sum + (long)file.LengthBytes));
    }

    /// <summary>The file or directory as the user named it, for messages.</summary>
    public string SourcePath { get; }

    /// <summary>The files in the order they were listed (units are ordered by <see cref="UnitPlan"/>).</summary>
    public IReadOnlyList<ContentFile> Files { get; }

    public bool IsDirectory { get; }

    public long TotalLengthBytes { get; }

    /// <summary>A single-file deposit: one file, committed under the path "" so renaming it does not break verification.</summary>
    public static DepositContent FromFile(string path)
    {
        string fullPath = Path.GetFullPath(path);
        switch (FileKinds.Get(fullPath))
        {
            case FileKind.Missing:
                throw new InputException(InputProblem.FileNotFound, path);
            case FileKind.Directory:
                throw new InputException(InputProblem.IsADirectory, path);
            case FileKind.SymbolicLink:
                throw new InputException(InputProblem.SymbolicLink, path, new FileInfo(fullPath).LinkTarget ?? string.Empty);
            case FileKind.Special:
                throw new InputException(InputProblem.SpecialFile, path);
        }

        return new DepositContent(path, [new ContentFile(string.Empty, fullPath, LengthOf(fullPath))], isDirectory: false);
    }

    /// <summary>A directory deposit: every regular file below it, hidden ones included, recursively.</summary>
    public static DepositContent FromDirectory(string path)
    {
        string root = Path.GetFullPath(path);
        switch (FileKinds.Get(root))
        {
            case FileKind.Missing:
                throw new InputException(InputProblem.DirectoryNotFound, path);
            case FileKind.SymbolicLink:
                throw new InputException(InputProblem.SymbolicLink, path, new DirectoryInfo(root).LinkTarget ?? string.Empty);
            case FileKind.Regular or FileKind.Special:
                throw new InputException(InputProblem.NotADirectory, path);
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
            MatchType = MatchType.Simple,
        };
        var files = new List<ContentFile>();
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(root, "*", options))
            {
                // Every entry is checked, so a link is refused before anything behind it is read.
                switch (FileKinds.Get(entry))
                {
                    case FileKind.Directory:
                        continue;
                    case FileKind.Missing:
                        throw new InputException(InputProblem.ChangedWhileReading, entry);
                    case FileKind.SymbolicLink:
                        throw new InputException(InputProblem.SymbolicLink, entry, new FileInfo(entry).LinkTarget ?? string.Empty);
                    case FileKind.Special:
                        throw new InputException(InputProblem.SpecialFile, entry);
                }

                string relative = Path.GetRelativePath(root, entry).Replace(Path.DirectorySeparatorChar, '/');
                if (!UnitPlan.TryNormalizePath(relative, out string unitPath, out string reason))
                {
                    throw new InputException(InputProblem.PathNotCommittable, entry, reason);
                }

                files.Add(new ContentFile(unitPath, entry, LengthOf(entry)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }

        return new DepositContent(path, files, isDirectory: true);
    }

    /// <summary>The units in committed order; refuses an empty directory, too many units, or two names that are equal after NFC normalization.</summary>
    public IReadOnlyList<UnitDescriptor> PlanUnits(long chunkSizeBytes)
    {
        try
        {
            return UnitPlan.Plan(Files.Select(f => (f.UnitPath, f.LengthBytes)), chunkSizeBytes);
        }
        catch (ArgumentException e)
        {
            throw new InputException(InputProblem.ContentNotPlannable, SourcePath, e.Message);
        }
    }

    /// <summary>
    /// Reads every unit once, in committed order, and returns the units roots under
    /// <paramref name="masterSalt"/>: what a receipt's deposit leaf must hold. <paramref name="advance"/>,
    /// if given, is told how many bytes were just read, for a progress bar.
    /// </summary>
    public DepositEvidence ComputeEvidence(MasterSalt masterSalt, long chunkSizeBytes, Action<long>? advance = null)
    {
        ArgumentNullException.ThrowIfNull(masterSalt);
        advance ??= static _ => { };
        IReadOnlyList<UnitDescriptor> units = PlanUnits(chunkSizeBytes);
        var filesByUnitPath = Files.ToDictionary(f => f.UnitPath, StringComparer.Ordinal);
        using var unitsRoot = new UnitsRoot(masterSalt);
        using var hasher = new ContentHasher();

        // The content may be a trade secret: the pooled buffer is cleared before another caller gets it.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamHashing.BufferLengthBytes);
        try
        {
            // A file's units are consecutive and in offset order, so each file is opened once and read straight through.
            for (int first = 0; first < units.Count;)
            {
                ContentFile file = filesByUnitPath[units[first].Path];
                int end = first;
                while (end < units.Count && units[end].Path == file.UnitPath)
                {
                    end++;
                }

                HashFile(file, units, first, end, unitsRoot, hasher, buffer.AsMemory(0, StreamHashing.BufferLengthBytes), advance);
                first = end;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        return new DepositEvidence(unitsRoot.Finish(), checked((uint)unitsRoot.UnitCount));
    }

    /// <summary>The salt file for this content: what <c>deposit</c> writes beside the evidence.</summary>
    public SaltFile CreateSaltFile(MasterSalt masterSalt, long chunkSizeBytes, Action<long>? advance = null)
    {
        DepositEvidence evidence = ComputeEvidence(masterSalt, chunkSizeBytes, advance);
        return new SaltFile(masterSalt, chunkSizeBytes, evidence.UnitCount, evidence.UnitsRoot);
    }

    private static void HashFile(
        ContentFile file,
        IReadOnlyList<UnitDescriptor> units,
        int first,
        int end,
        UnitsRoot unitsRoot,
        ContentHasher hasher,
        Memory<byte> buffer,
        Action<long> advance)
    {
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            for (int i = first; i < end; i++)
            {
                Debug.Assert(stream.Position == (long)units[i].OffsetBytes, "units of a file are planned back to back");
                if (!StreamHashing.TryHashExactly(stream, units[i].LengthBytes, hasher, buffer, advance, out DigestPair digests))
                {
                    throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
                }

                unitsRoot.Add(units[i], digests);
            }

            // A file that grew after it was listed would otherwise be committed only in part, silently.
            if (stream.ReadByte() != -1)
            {
                throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, file.FullPath, e.Message);
        }
    }

    private static ulong LengthOf(string fullPath)
    {
        try
        {
            return (ulong)new FileInfo(fullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, fullPath, e.Message);
        }
    }
}
