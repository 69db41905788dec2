using System.Buffers;
using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>disclose</c>, step by step, on the owner's machine and offline. The receipt, salt file and
/// selection are checked before any content is read; every unit is then hashed once (each proof needs
/// its neighbours' commitments), and the recomputed units roots must be the deposit leaf's before
/// anything is written, so a package never claims content that was not deposited. Only the chosen
/// units' salts go into the package; content goes beside it, into <c>--copy-content</c> if asked,
/// owner-only.
/// </summary>
internal static class DisclosureWorkflow
{
    public static ExitCode Run(CliContext context, ReportText report, DisclosureOwnerText text, DisclosureRequest request)
    {
        if (File.Exists(request.OutputPath) || Directory.Exists(request.OutputPath))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, request.OutputPath);
        }

        if (request.CopyDirectory is not null && !Directory.Exists(request.CopyDirectory))
        {
            throw new OnlineInputException(OnlineProblem.OutputDirectoryNotFound, request.CopyDirectory);
        }

        string receiptJson = InputFile.ReadText(request.ReceiptPath, Receipt.FileLengthMaxBytes);
        DepositLeaf deposit = ReadDeposit(request.ReceiptPath, receiptJson);
        SaltFile saltFile = VerifyCommand.ReadSaltFile(request.SaltPath);
        if (saltFile.UnitsRoot != deposit.UnitsRoot || saltFile.UnitCount != deposit.UnitCount)
        {
            throw new DisclosureInputException(DisclosureProblem.SaltFileNotOfReceipt, request.SaltPath);
        }

        DepositContent content = FileKinds.Get(Path.GetFullPath(request.ContentPath)) == FileKind.Directory
            ? DepositContent.FromDirectory(request.ContentPath)
            : DepositContent.FromFile(request.ContentPath);
        if (request.CopyDirectory is not null && content.IsDirectory && IsSameOrBelow(Path.GetFullPath(request.CopyDirectory), Path.GetFullPath(content.SourcePath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputInsideContent, request.CopyDirectory, content.SourcePath);
        }

        IReadOnlyList<UnitDescriptor> units = content.PlanUnits(saltFile.ChunkSizeBytes);
        if ((uint)units.Count != deposit.UnitCount)
        {
            throw new DisclosureInputException(DisclosureProblem.ContentNotDeposited, content.SourcePath, string.Create(CultureInfo.InvariantCulture, $"it makes {units.Count} units, the deposit has {deposit.UnitCount}"));
        }

        SortedSet<ulong> chosen = Select(content, units, request);
        DigestPair[] digests = ProgressDisplay.Run(context, report.HashingProgress, content.TotalLengthBytes, advance => HashUnits(content, units, advance));
        string singleFileName = SingleFileName(content);
        DisclosedUnits built = DisclosureBuilder.Build(units, saltFile.MasterSalt, digests, chosen, (_, unit) => ContentFileName(unit, units, singleFileName));
        if (built.UnitsRoot != deposit.UnitsRoot)
        {
            throw new DisclosureInputException(DisclosureProblem.ContentNotDeposited, content.SourcePath, $"its SHA-256 units root is {built.UnitsRoot.Sha256.ToHex()}, the deposit's {deposit.UnitsRoot.Sha256.ToHex()}");
        }

        if (request.CopyDirectory is not null)
        {
            foreach (DisclosedUnit unit in built.Units)
            {
                CopyUnit(content, unit, digests[(int)unit.Index], request.CopyDirectory);
            }
        }

        OutputFile.WriteNew(request.OutputPath, Disclosure.Create(receiptJson, built).ToJson(), ownerOnly: false);
        TextWriter output = context.Output;
        output.WriteLine(text.PackageWritten(request.OutputPath));
        output.WriteLine(text.UnitsDisclosed(built.Units.Count, deposit.UnitCount));
        foreach (DisclosedUnit unit in built.Units)
        {
            output.WriteLine(text.Unit(unit.Index, unit.Unit.Path, unit.Unit.OffsetBytes, unit.Unit.LengthBytes, unit.ContentFile));
        }

        output.WriteLine(request.CopyDirectory is null ? text.ContentToHandOver : text.ContentCopied(request.CopyDirectory));
        output.WriteLine(text.SaltsKept);
        return ExitCode.Success;
    }

    /// <summary>The deposit leaf in the receipt, read but not verified: the owner's check that the receipt, salt file and content belong together. The court verifies.</summary>
    private static DepositLeaf ReadDeposit(string path, string receiptJson)
    {
        Verdict verdict = Receipt.TryParse(receiptJson, out Receipt? receipt);
        TlogProof? proof = null;
        DepositLeaf? deposit = null;
        if (verdict.IsValid)
        {
            verdict = TlogProof.TryParse(receipt!.TlogProof, out proof);
        }

        if (verdict.IsValid)
        {
            verdict = LeafEnvelope.TryDecodeDeposit(proof!.Leaf, out deposit);
        }

        return verdict.IsValid ? deposit! : throw new DisclosureInputException(DisclosureProblem.ReceiptNotOfADeposit, path, verdict.ToString());
    }

    /// <summary>
    /// The indexes the selectors name. <c>--unit PATH[@OFFSET]</c> names the unit that starts at OFFSET
    /// (default 0) of PATH; a PATH that is itself a unit path wins over reading its last '@' as an
    /// offset. <c>--path PATH</c> names every unit of PATH. In a single-file deposit PATH is empty or
    /// the file's own name. A selector that names no unit is refused, with the offsets that exist.
    /// </summary>
    private static SortedSet<ulong> Select(DepositContent content, IReadOnlyList<UnitDescriptor> units, DisclosureRequest request)
    {
        var chosen = new SortedSet<ulong>();
        foreach (string selector in request.PathSelectors)
        {
            string path = UnitPath(content, selector, units);
            int before = chosen.Count;
            for (int i = 0; i < units.Count; i++)
            {
                if (units[i].Path == path)
                {
                    chosen.Add((ulong)i);
                }
            }

            if (chosen.Count == before && !units.Any(u => u.Path == path))
            {
                throw new DisclosureInputException(DisclosureProblem.PathNotFound, selector);
            }
        }

        foreach (string selector in request.UnitSelectors)
        {
            (string path, ulong offset) = ParseUnit(content, selector, units);
            int index = -1;
            for (int i = 0; i < units.Count && index < 0; i++)
            {
                if (units[i].Path == path && units[i].OffsetBytes == offset)
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                var offsets = units.Where(u => u.Path == path).Select(u => u.OffsetBytes.ToString(CultureInfo.InvariantCulture)).ToList();
                string detail = offsets.Count == 0
                    ? "no file of the deposit has that path"
                    : $"units of that file start at byte {string.Join(", ", offsets.Take(8))}{(offsets.Count > 8 ? ", …" : string.Empty)}";
                throw new DisclosureInputException(DisclosureProblem.UnitNotFound, selector, detail);
            }

            chosen.Add((ulong)index);
        }

        return chosen.Count <= Disclosure.UnitsMax
            ? chosen
            : throw new DisclosureInputException(DisclosureProblem.TooManyUnits, chosen.Count.ToString(CultureInfo.InvariantCulture), Disclosure.UnitsMax.ToString(CultureInfo.InvariantCulture));
    }

    private static (string Path, ulong Offset) ParseUnit(DepositContent content, string selector, IReadOnlyList<UnitDescriptor> units)
    {
        string whole = UnitPath(content, selector, units);
        if (units.Any(u => u.Path == whole))
        {
            return (whole, 0);
        }

        int at = selector.LastIndexOf('@');
        if (at >= 0 && ulong.TryParse(selector.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ulong offset))
        {
            return (UnitPath(content, selector[..at], units), offset);
        }

        return (whole, 0);
    }

    /// <summary>The committed path a selector names: "" for a single-file deposit named by "" or by its own file name; otherwise NFC.</summary>
    private static string UnitPath(DepositContent content, string selector, IReadOnlyList<UnitDescriptor> units)
    {
        if (!content.IsDirectory && (selector.Length == 0 || selector == Path.GetFileName(content.Files[0].FullPath)))
        {
            return string.Empty;
        }

        return UnitPlan.TryNormalizePath(selector, out string normalized, out _) ? normalized : selector;
    }

    /// <summary>
    /// The name the court's copy of a unit gets: the unit's path for a whole file (the file's own name
    /// for a single-file deposit), so whole files reach the court readable under their names; a chunk
    /// adds <c>@OFFSET</c>.
    /// </summary>
    private static string ContentFileName(UnitDescriptor unit, IReadOnlyList<UnitDescriptor> units, string singleFileName)
    {
        string name = unit.Path.Length == 0 ? singleFileName : unit.Path;
        bool wholeFile = unit.OffsetBytes == 0 && units.Count(u => u.Path == unit.Path) == 1;
        return wholeFile ? name : string.Create(CultureInfo.InvariantCulture, $"{name}@{unit.OffsetBytes}");
    }

    private static string SingleFileName(DepositContent content)
    {
        if (content.IsDirectory)
        {
            return string.Empty;
        }

        // The name is not committed (renaming must not break verification), so any committable name will do.
        string name = Path.GetFileName(content.Files[0].FullPath);
        return UnitPlan.TryNormalizePath(name, out string normalized, out _) && !normalized.Contains('/', StringComparison.Ordinal) ? normalized : "content";
    }

    /// <summary>Every unit's digests, in committed order; each file is opened once and read straight through, as deposit reads it.</summary>
    private static DigestPair[] HashUnits(DepositContent content, IReadOnlyList<UnitDescriptor> units, Action<long> advance)
    {
        var filesByUnitPath = content.Files.ToDictionary(f => f.UnitPath, StringComparer.Ordinal);
        var digests = new DigestPair[units.Count];
        using var hasher = new ContentHasher();

        // The content may be a trade secret: the pooled buffer is cleared before another caller gets it.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamHashing.BufferLengthBytes);
        try
        {
            for (int first = 0; first < units.Count;)
            {
                ContentFile file = filesByUnitPath[units[first].Path];
                int end = first;
                while (end < units.Count && units[end].Path == file.UnitPath)
                {
                    end++;
                }

                WithFile(file, stream =>
                {
                    for (int i = first; i < end; i++)
                    {
                        if (!StreamHashing.TryHashExactly(stream, units[i].LengthBytes, hasher, buffer.AsMemory(0, StreamHashing.BufferLengthBytes), advance, out digests[i]))
                        {
                            throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
                        }
                    }

                    if (stream.ReadByte() != -1)
                    {
                        throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
                    }
                });
                first = end;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        return digests;
    }

    /// <summary>Copies one unit's bytes to its content file, owner-only, and checks the copy is what was hashed.</summary>
    private static void CopyUnit(DepositContent content, DisclosedUnit unit, DigestPair expected, string directory)
    {
        ContentFile file = content.Files.Single(f => f.UnitPath == unit.Unit.Path);
        string destination = Path.Combine(directory, unit.ContentFile.Replace('/', Path.DirectorySeparatorChar));
        byte[] bytes = new byte[checked((int)Math.Min(unit.Unit.LengthBytes, StreamHashing.BufferLengthBytes))];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var hasher = new ContentHasher();
            using (var target = new FileStream(destination, options))
            {
                WithFile(file, source =>
                {
                    source.Seek(checked((long)unit.Unit.OffsetBytes), SeekOrigin.Begin);
                    ulong remaining = unit.Unit.LengthBytes;
                    while (remaining > 0)
                    {
                        int read = source.Read(bytes, 0, (int)Math.Min((ulong)bytes.Length, remaining));
                        if (read == 0)
                        {
                            throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
                        }

                        hasher.Append(bytes.AsSpan(0, read));
                        target.Write(bytes, 0, read);
                        remaining -= (ulong)read;
                    }
                });
                target.Flush(flushToDisk: true);
            }

            if (hasher.Finish() != expected)
            {
                throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
            }
        }
        catch (IOException) when (File.Exists(destination))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnlineInputException(OnlineProblem.Unwritable, destination, e.Message);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    private static void WithFile(ContentFile file, Action<FileStream> read)
    {
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, file.FullPath, e.Message);
        }
    }

    private static bool IsSameOrBelow(string path, string directory)
    {
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        path = Path.TrimEndingDirectorySeparator(path);
        directory = Path.TrimEndingDirectorySeparator(directory);
        return path.Equals(directory, comparison) || path.StartsWith(directory + Path.DirectorySeparatorChar, comparison);
    }
}
