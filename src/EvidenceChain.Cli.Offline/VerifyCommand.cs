using System.CommandLine;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Offline;

/// <summary>
/// <c>evidencechain verify RECEIPT (--file FILE | --dir DIR) --salt SALTFILE [--key KEY]… [--trust FILE]</c>:
/// checks a receipt fully offline against the depositor's content and salt file, with keys from the
/// verifier's own configuration only, and prints a report. Exit 0 valid, 1 invalid, 2 unusable input
/// with one line on stderr. A receipt that is read but malformed is a finding about the receipt, so
/// it is 1 with a report; one that cannot be read (missing, or over the 1 MiB format limit) is 2.
/// The salt file, keys and content are the verifier's own inputs, so any fault in them is 2.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>A salt file is a few hundred bytes; anything this large is the wrong file.</summary>
    public const int SaltFileLengthMaxBytes = 64 * 1024;

    public static Command Create(CliContext context, Option<string> language)
    {
        var receipt = new Argument<string>("RECEIPT") { Description = "The receipt file (*.receipt.json)." };
        var file = new Option<string>("--file") { Description = "The deposited file, for a single-file deposit.", HelpName = "FILE" };
        var directory = new Option<string>("--dir") { Description = "The deposited directory, for a directory deposit.", HelpName = "DIR" };
        var salt = new Option<string>("--salt") { Description = "The depositor's salt file.", HelpName = "SALTFILE", Required = true };
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
        var command = new Command("verify", "Verify a deposit receipt offline against the content and salt file, and print a report.")
        {
            receipt, file, directory, salt, keys, trust,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(file) is null) == (result.GetResult(directory) is null))
            {
                result.AddError("give exactly one of --file and --dir");
            }
        });
        command.SetAction(parsed => (int)Run(
            context,
            ReportText.For(parsed.GetValue(language)),
            parsed.GetRequiredValue(receipt),
            parsed.GetValue(file),
            parsed.GetValue(directory),
            parsed.GetRequiredValue(salt),
            parsed.GetValue(keys) ?? [],
            parsed.GetValue(trust)));
        return command;
    }

    private static ExitCode Run(
        CliContext context,
        ReportText text,
        string receiptPath,
        string? filePath,
        string? directoryPath,
        string saltPath,
        IReadOnlyList<string> keyArguments,
        string? trustPath)
    {
        try
        {
            // Cheap inputs first, so a typo fails before a large content is hashed.
            TrustedKeySet trusted = TrustedKeys.Load(keyArguments, trustPath, context);
            string receiptJson = InputFile.ReadText(receiptPath, Receipt.FileLengthMaxBytes);
            SaltFile saltFile = ReadSaltFile(saltPath);
            DepositContent content = filePath is not null ? DepositContent.FromFile(filePath) : DepositContent.FromDirectory(directoryPath!);
            DepositEvidence evidence = ProgressDisplay.Run(
                context,
                text.HashingProgress,
                content.TotalLengthBytes,
                advance => content.ComputeEvidence(saltFile.MasterSalt, saltFile.ChunkSizeBytes, advance));

            ReceiptReport report = ReceiptVerifier.Verify(receiptJson, trusted.Keys, evidence);
            var inputs = new VerifyInputs(
                receiptPath,
                content.SourcePath,
                content.IsDirectory,
                saltPath,
                trusted,
                ContentMatchesSaltFile: evidence.UnitsRoot == saltFile.UnitsRoot && evidence.UnitCount == saltFile.UnitCount);
            ReportWriter.Write(context.Output, text, inputs, report, report.Depositor?.KeyFingerprint);
            return report.IsValid ? ExitCode.Success : ExitCode.Invalid;
        }
        catch (InputException e)
        {
            context.Error.WriteLine(text.Error(e));
            return ExitCode.UnusableInput;
        }
    }

    /// <summary>Reads and parses a salt file; any fault in it is unusable input. <c>receipt</c> reads salt files the same way.</summary>
    public static SaltFile ReadSaltFile(string path)
    {
        Verdict verdict = SaltFile.TryParse(InputFile.ReadText(path, SaltFileLengthMaxBytes), out SaltFile? saltFile);
        return verdict.IsValid ? saltFile! : throw new InputException(InputProblem.SaltFileMalformed, path, verdict.Detail);
    }
}
