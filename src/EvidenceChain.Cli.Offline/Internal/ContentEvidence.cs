using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The deposited content and its salt file as <c>verify</c> read them, and the evidence they give Core.
/// <see cref="MatchesSaltFile"/> says whether the recomputed units roots equal the ones the salt file records:
/// on a commitment mismatch it tells "the content changed" apart from "the receipt is for another deposit".
/// </summary>
internal sealed record ContentEvidence(string ContentPath, bool IsDirectory, string SaltFilePath, DepositEvidence Evidence, bool MatchesSaltFile)
{
    /// <summary>Hashes the file at <paramref name="filePath"/>, or else the directory at <paramref name="directoryPath"/>, under the salt file's master salt.</summary>
    public static ContentEvidence Compute(CliContext context, ReportText text, string? filePath, string? directoryPath, string saltPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        SaltFile saltFile = VerifyCommand.ReadSaltFile(saltPath);
        DepositContent content = filePath is not null ? DepositContent.FromFile(filePath) : DepositContent.FromDirectory(directoryPath!);
        DepositEvidence evidence = ProgressDisplay.Run(
            context,
            text.HashingProgress,
            content.TotalLengthBytes,
            advance => content.ComputeEvidence(saltFile.MasterSalt, saltFile.ChunkSizeBytes, advance));
        return new ContentEvidence(
            content.SourcePath,
            content.IsDirectory,
            saltPath,
            evidence,
            MatchesSaltFile: evidence.UnitsRoot == saltFile.UnitsRoot && evidence.UnitCount == saltFile.UnitCount);
    }
}
