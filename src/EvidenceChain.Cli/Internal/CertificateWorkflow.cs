using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Receipts;
using EvidenceChain.DepositCertificates;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Verifies a receipt as <c>verify</c> does (keys and TSA roots from the user only) and renders its deposit
/// certificate to a new file. The salt file, when given, ties the receipt to the deposit (its units roots must
/// be the leaf's) and names the declared file: the CLI names it NAME.salt.json after the evidence (DepositFiles).
/// </summary>
internal static class CertificateWorkflow
{
    public static ExitCode Run(CliContext context, CertificateText text, ReportText report, CertificateArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(arguments);
        // Cheap refusals first, so nothing is verified for a certificate that could not be written.
        if (File.Exists(arguments.OutputPath) || Directory.Exists(arguments.OutputPath))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, arguments.OutputPath);
        }

        Uri? locator = null;
        if (arguments.Locator is not null && !CertificateParticulars.TryParseLocator(arguments.Locator, out locator))
        {
            return Unusable(context, report, text.LocatorInvalid(arguments.Locator));
        }

        TrustedKeySet trusted = TrustedKeys.Load(arguments.KeyArguments, arguments.TrustPath, context);
        TimestampTrust? timestampTrust = TsaCertificateFiles.Load(arguments.TsaRootPaths, arguments.OperatorTsaPaths);
        string receiptJson = InputFile.ReadText(arguments.ReceiptPath, Receipt.FileLengthMaxBytes);
        SaltFile? saltFile = arguments.SaltPath is null ? null : VerifyCommand.ReadSaltFile(arguments.SaltPath);
        var particulars = new CertificateParticulars(
            DeclaredFiles(arguments.SaltPath),
            NullIfBlank(arguments.OperatorName),
            NullIfBlank(arguments.Filing),
            locator);
        if (particulars.Problem() is string problem)
        {
            return Unusable(context, report, text.ParticularsUnusable(problem));
        }

        CertificateVerification verification = DepositCertificate.Verify(
            receiptJson,
            trusted.Keys,
            saltFile is null ? null : new DepositEvidence(saltFile.UnitsRoot, saltFile.UnitCount),
            timestampTrust,
            particulars);
        DepositCertificate certificate = verification.Certificate
            ?? throw new InvalidAnswerException(text.Receipt(arguments.ReceiptPath), verification.Report.Verdict);
        byte[] pdf;
        try
        {
            pdf = CertificateRenderer.Render(certificate);
        }
        catch (CertificateFontException e)
        {
            return Unusable(context, report, text.FontMissing(e.Message));
        }

        OutputFile.WriteNew(arguments.OutputPath, pdf, ownerOnly: false);
        context.Output.WriteLine(text.Written(arguments.OutputPath, certificate.CertificateId));
        return ExitCode.Success;
    }

    /// <summary>The evidence's name, from a salt file named NAME.salt.json; its length is not recorded anywhere the CLI keeps.</summary>
    private static List<DeclaredFile> DeclaredFiles(string? saltPath)
    {
        string? fileName = saltPath is null ? null : Path.GetFileName(saltPath);
        return fileName is not null && fileName.Length > DepositFiles.SaltSuffix.Length && fileName.EndsWith(DepositFiles.SaltSuffix, StringComparison.Ordinal)
            ? [new DeclaredFile(fileName[..^DepositFiles.SaltSuffix.Length], LengthBytes: null)]
            : [];
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ExitCode Unusable(CliContext context, ReportText report, string line)
    {
        context.Error.WriteLine(report.ErrorPrefix + line);
        return ExitCode.UnusableInput;
    }
}
