using System.Buffers;
using System.CommandLine;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// <c>evidencechain verify-disclosure PACKAGE.json --content DIR [--key VKEY]… [--trust FILE]</c>: the
/// court's side of a partial disclosure (docs/disclosure.md), fully offline on Core alone. It checks the
/// embedded receipt exactly as <c>verify</c> does, with keys from the verifier's own configuration only,
/// then each disclosed unit's content file (named by the package, under DIR) against its commitment and
/// inclusion proofs, and prints what is proven: these units, of the deposit's, at that time under that
/// leaf, and nothing about the others. Exit 0 valid; 1 invalid (a package that is read but malformed is a
/// finding about it, as a malformed receipt is for <c>verify</c>); 2 unusable input (a package that cannot
/// be read, a missing content file or directory, no trusted key) with one line on stderr.
/// </summary>
internal static class VerifyDisclosureCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var package = new Argument<string>("PACKAGE") { Description = "The disclosure package (*.disclosure.json)." };
        var content = new Option<string>("--content")
        {
            Description = "The folder holding the disclosed units' content files, under the names the package gives.",
            HelpName = "DIR",
            Required = true,
        };
        var keys = new Option<string[]>(TrustedKeys.KeyOption)
        {
            Description = "A trusted verifier key (name+keyid+base64) or a file of them, one per line; repeatable.",
            HelpName = "VKEY",
        };
        var trust = new Option<string>(TrustedKeys.TrustOption)
        {
            Description = $"A trust file of verifier keys (default: ${TrustedKeys.TrustFileVariable}, else ~/.config/evidencechain/trusted.keys).",
            HelpName = "FILE",
        };
        var command = new Command(
            "verify-disclosure",
            "Verify a partial disclosure offline: the embedded receipt as `verify` checks it, then each disclosed unit's content against its "
            + "commitment in the deposit, and print what is proven. Exit codes: 0 valid; 1 invalid; 2 unusable input.")
        {
            package, content, keys, trust,
        };
        command.SetAction(parsed =>
        {
            string? languageCode = parsed.GetValue(language);
            ReportText text = ReportText.For(languageCode);
            try
            {
                return (int)Verify(
                    context,
                    text,
                    DisclosureText.For(languageCode),
                    new DisclosureArguments(parsed.GetRequiredValue(package), parsed.GetRequiredValue(content), parsed.GetValue(keys) ?? [], parsed.GetValue(trust)));
            }
            catch (InputException e)
            {
                context.Error.WriteLine(text.Error(e));
                return (int)ExitCode.UnusableInput;
            }
        });
        return command;
    }

    private static ExitCode Verify(CliContext context, ReportText text, DisclosureText disclosureText, DisclosureArguments arguments)
    {
        // Cheap inputs first, so a typo fails before any content is hashed.
        TrustedKeySet trusted = TrustedKeys.Load(arguments.KeyArguments, arguments.TrustPath, context);
        string json = InputFile.ReadText(arguments.PackagePath, Disclosure.FileLengthMaxBytes);
        RequireDirectory(arguments.ContentDirectory);
        var inputs = new DisclosureInputs(arguments.PackagePath, arguments.ContentDirectory, trusted);
        DisclosureVerdict verdict = Disclosure.TryParse(json, out Disclosure? disclosure);
        if (!verdict.IsValid)
        {
            DisclosureReportWriter.Write(context.Output, text, disclosureText, inputs, verdict, disclosure: null, report: null);
            return ExitCode.Invalid;
        }

        IReadOnlyList<UnitContent> contents = MeasureContents(context, text, arguments.ContentDirectory, disclosure!);
        DisclosureReport report = DisclosureVerifier.Verify(disclosure!, trusted.Keys, contents);
        DisclosureReportWriter.Write(context.Output, text, disclosureText, inputs, report.Verdict, disclosure, report);
        return report.IsValid ? ExitCode.Success : ExitCode.Invalid;
    }

    /// <summary>
    /// Each unit's content file, hashed in one streaming pass. A file whose length is not the unit's is
    /// not read at all: its length alone makes it the wrong content, which Core reports.
    /// </summary>
    private static List<UnitContent> MeasureContents(CliContext context, ReportText text, string directory, Disclosure disclosure)
    {
        var files = disclosure.Units.Select(u => ResolveContentFile(directory, u.ContentFile)).ToList();
        long totalBytes = files.Aggregate(0L, (sum, f) => checked(sum + (long)f.LengthBytes));
        using var hasher = new ContentHasher();

        // The content may be a trade secret: the pooled buffer is cleared before another caller gets it.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamHashing.BufferLengthBytes);
        try
        {
            return ProgressDisplay.Run(context, text.HashingProgress, totalBytes, advance =>
            {
                var contents = new List<UnitContent>();
                for (int i = 0; i < files.Count; i++)
                {
                    ContentFile file = files[i];
                    if (file.LengthBytes != disclosure.Units[i].Unit.LengthBytes)
                    {
                        contents.Add(new UnitContent(default, file.LengthBytes));
                        continue;
                    }

                    contents.Add(new UnitContent(HashFile(file, hasher, buffer.AsMemory(0, StreamHashing.BufferLengthBytes), advance), file.LengthBytes));
                }

                return contents;
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static DigestPair HashFile(ContentFile file, ContentHasher hasher, Memory<byte> buffer, Action<long> advance)
    {
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (!StreamHashing.TryHashExactly(stream, file.LengthBytes, hasher, buffer, advance, out DigestPair digests) || stream.ReadByte() != -1)
            {
                throw new InputException(InputProblem.ChangedWhileReading, file.FullPath);
            }

            return digests;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, file.FullPath, e.Message);
        }
    }

    /// <summary>
    /// The content file under <paramref name="directory"/>. Core has already refused names with '..' or
    /// a leading '/', so the file cannot lie outside it; links and special files are refused as
    /// <c>verify</c> refuses them.
    /// </summary>
    private static ContentFile ResolveContentFile(string directory, string contentFile)
    {
        string path = Path.Combine(directory, contentFile.Replace('/', Path.DirectorySeparatorChar));
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

        try
        {
            return new ContentFile(contentFile, fullPath, (ulong)new FileInfo(fullPath).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }
    }

    private static void RequireDirectory(string directory)
    {
        switch (FileKinds.Get(Path.GetFullPath(directory)))
        {
            case FileKind.Missing:
                throw new InputException(InputProblem.DirectoryNotFound, directory);
            case FileKind.Regular or FileKind.Special or FileKind.SymbolicLink:
                throw new InputException(InputProblem.NotADirectory, directory);
        }
    }
}
