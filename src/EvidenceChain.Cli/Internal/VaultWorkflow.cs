using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Vault;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The work of <c>vault keygen</c>, <c>vault encrypt</c> and <c>vault decrypt</c> over
/// EvidenceChain.Vault, offline. Unusable input (files, key file, options) is an exception
/// translated once, in <see cref="RunAsync"/>, into one line and exit code 2; a vault file that does
/// not decrypt is one line and exit code 1, and the output file is then not made.
/// </summary>
internal static class VaultWorkflow
{
    public const string XChaCha20Poly1305Name = "xchacha20-poly1305";
    public const string Sm4GcmName = "sm4-gcm";

    public static async Task<int> RunAsync(CliContext context, string? languageCode, Func<VaultText, Task<ExitCode>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        VaultText text = VaultText.For(languageCode);
        ReportText report = ReportText.For(languageCode);
        try
        {
            return (int)await work(text).ConfigureAwait(false);
        }
        catch (VaultInputException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
            return (int)ExitCode.UnusableInput;
        }
        catch (VaultKeyException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e));
            return (int)ExitCode.UnusableInput;
        }
        catch (VaultDecryptionException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Failure) + text.NothingWritten(e.OutputPath));
            return (int)ExitCode.Invalid;
        }
    }

    public static VaultAlgorithm ParseAlgorithm(string name) => name == Sm4GcmName ? VaultAlgorithm.Sm4Gcm : VaultAlgorithm.XChaCha20Poly1305;

    public static ExitCode KeyGen(CliContext context, VaultText text, string output, VaultAlgorithm algorithm)
    {
        using VaultKey key = VaultKey.GenerateFile(output, algorithm);
        context.Output.WriteLine(text.KeyWritten(Path.GetFullPath(output), VaultFormat.AlgorithmName(algorithm), VaultFormat.KeyLengthBytes(algorithm) * 8));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> EncryptAsync(
        CliContext context, VaultText text, string input, string output, string keyPath, int segmentSizeBytes, CancellationToken cancellationToken)
    {
        if (!VaultFormat.IsValidSegmentSize(segmentSizeBytes))
        {
            throw new VaultInputException(VaultProblem.SegmentSizeInvalid, segmentSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using VaultKey key = VaultKey.Load(keyPath);
        using FileStream source = OpenInput(input);
        using VaultOutputFile destination = VaultOutputFile.Create(output, ownerOnly: false);
        VaultSummary summary;
        try
        {
            summary = await VaultWriter.EncryptAsync(source, destination.Stream, key, segmentSizeBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new VaultInputException(VaultProblem.StreamFailed, input, e.Message, e);
        }

        destination.Commit();
        context.Output.WriteLine(text.Encrypted(
            Path.GetFullPath(output), VaultFormat.AlgorithmName(summary.Algorithm), summary.SegmentCount, summary.SegmentSizeBytes, summary.PlaintextLengthBytes, summary.CiphertextLengthBytes));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> DecryptAsync(CliContext context, VaultText text, string input, string output, string keyPath, CancellationToken cancellationToken)
    {
        using VaultKey key = VaultKey.Load(keyPath);
        using FileStream source = OpenInput(input);

        // The content is the owner's secret: owner-only from creation, and named as asked only once every segment authenticated.
        using VaultOutputFile destination = VaultOutputFile.Create(output, ownerOnly: true);
        VaultSummary summary;
        try
        {
            summary = await VaultReader.DecryptAsync(source, destination.Stream, key, cancellationToken).ConfigureAwait(false);
        }
        catch (VaultFormatException e)
        {
            throw new VaultDecryptionException(e, Path.GetFullPath(output));
        }
        catch (IOException e)
        {
            throw new VaultInputException(VaultProblem.StreamFailed, input, e.Message, e);
        }

        destination.Commit();
        context.Output.WriteLine(text.Decrypted(Path.GetFullPath(output), summary.PlaintextLengthBytes, summary.SegmentCount));
        return ExitCode.Success;
    }

    /// <summary>The file at <paramref name="path"/> to read from its start, or a VaultInputException saying why not.</summary>
    public static FileStream OpenInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new VaultInputException(Directory.Exists(path) ? VaultProblem.InputUnreadable : VaultProblem.InputNotFound, path, "a directory");
        }

        try
        {
            // Segment-sized reads: the stream's own buffer would only copy.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VaultInputException(VaultProblem.InputUnreadable, path, e.Message, e);
        }
    }
}
