using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Receipts;
using EvidenceChain.DepositCertificates;
using EvidenceChain.Protocol.V1;
using DeclaredFile = EvidenceChain.DepositCertificates.DeclaredFile;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Verifies a receipt as <c>verify</c> does (keys and TSA roots from the user only), then either asks the notary
/// service to issue the deposit's signed certificate, checks what comes back as <c>verify</c> would check it, and
/// writes the PDF and its proof; or, offline, draws an unsigned reading aid from the receipt. The salt file, when
/// given, ties the receipt to the deposit (its units roots must be the leaf's) and names the declared file: the
/// CLI names it NAME.salt.json after the evidence (DepositFiles), and the evidence's length is declared when the
/// file NAME is beside it.
/// </summary>
internal static class CertificateWorkflow
{
    public static async Task<ExitCode> RunAsync(CliContext context, CertificateText text, ReportText report, CertificateArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(arguments);
        string proofPath = CertificateProof.PathBeside(arguments.OutputPath);

        // Cheap refusals first, so nothing is verified or asked for a certificate that could not be written.
        foreach (string path in arguments.Offline ? [arguments.OutputPath] : new[] { arguments.OutputPath, proofPath })
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw new OnlineInputException(OnlineProblem.OutputFileExists, path);
            }
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
        DepositEvidence? evidence = saltFile is null ? null : new DepositEvidence(saltFile.UnitsRoot, saltFile.UnitCount);
        var particulars = new CertificateParticulars(
            DeclaredFiles(arguments.SaltPath),
            NullIfBlank(arguments.OperatorName),
            NullIfBlank(arguments.Filing),
            locator);
        if (particulars.Problem() is string problem)
        {
            return Unusable(context, report, text.ParticularsUnusable(problem));
        }

        CertificateVerification verification = DepositCertificate.Verify(receiptJson, trusted.Keys, evidence, timestampTrust, particulars);
        DepositCertificate certificate = verification.Certificate
            ?? throw new InvalidAnswerException(text.Receipt(arguments.ReceiptPath), verification.Report.Verdict);
        return arguments.Offline
            ? DrawOffline(context, text, report, arguments, certificate)
            : await IssueAsync(context, text, arguments, certificate, particulars, (trusted, evidence, timestampTrust), proofPath, cancellationToken).ConfigureAwait(false);
    }

    private static ExitCode DrawOffline(CliContext context, CertificateText text, ReportText report, CertificateArguments arguments, DepositCertificate certificate)
    {
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
        context.Output.WriteLine(text.WrittenUnsigned(arguments.OutputPath, certificate.CertificateId));
        return ExitCode.Success;
    }

    /// <summary>Asks the service for the signed certificate and writes it only once it verifies as <c>verify</c> would verify it.</summary>
    private static async Task<ExitCode> IssueAsync(
        CliContext context,
        CertificateText text,
        CertificateArguments arguments,
        DepositCertificate certificate,
        CertificateParticulars particulars,
        (TrustedKeySet Keys, DepositEvidence? Evidence, TimestampTrust? Timestamps) trust,
        string proofPath,
        CancellationToken cancellationToken)
    {
        var request = new IssueCertificateRequest { DepositId = certificate.DepositId.ToHex(), Locator = particulars.Locator?.AbsoluteUri ?? string.Empty };
        request.DeclaredFiles.AddRange(particulars.DeclaredFiles.Select(file =>
        {
            var declared = new Protocol.V1.DeclaredFile { Name = file.Name };
            if (file.LengthBytes is long length)
            {
                declared.LengthBytes = (ulong)length;
            }

            return declared;
        }));

        using NotaryConnection connection = NotaryConnection.Open(arguments.Server, context);
        IssueCertificateResponse issued = await connection.IssueCertificateAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] pdf = issued.Pdf.ToByteArray();
        if (pdf.Length > CertificateSignatureCheck.PdfLengthBytesMax)
        {
            throw new InvalidAnswerException(text.Answer, Core.Proofs.Verdict.Fail(Core.Proofs.VerificationFailure.MalformedCertificateProof, $"a {pdf.Length}-byte PDF is no certificate"));
        }

        CertificateReport report = CertificateVerifier.Verify(pdf, issued.ProofJson, trust.Keys.Keys, trust.Evidence, trust.Timestamps, []);
        if (!report.IsValid)
        {
            throw new InvalidAnswerException(text.Answer, report.Verdict);
        }

        if (report.Record!.DepositId != certificate.DepositId)
        {
            throw new InvalidAnswerException(text.Answer, Core.Proofs.Verdict.Fail(
                Core.Proofs.VerificationFailure.CertificateOfAnotherDeposit, $"the certificate is of deposit {report.Record.DepositId}, not {certificate.DepositId}"));
        }

        OutputFile.WriteNew(arguments.OutputPath, pdf, ownerOnly: false);
        OutputFile.WriteNew(proofPath, issued.ProofJson, ownerOnly: false);
        context.Output.WriteLine(text.WrittenSigned(arguments.OutputPath, proofPath, report.CertificateId!, report.RecordLeafIndex!.Value, report.Signer!.SubjectDN.ToString()));
        return ExitCode.Success;
    }

    /// <summary>The evidence's name, from a salt file named NAME.salt.json, and its length when the file NAME is beside it.</summary>
    private static List<DeclaredFile> DeclaredFiles(string? saltPath)
    {
        string? fileName = saltPath is null ? null : Path.GetFileName(saltPath);
        if (fileName is null || fileName.Length <= DepositFiles.SaltSuffix.Length || !fileName.EndsWith(DepositFiles.SaltSuffix, StringComparison.Ordinal))
        {
            return [];
        }

        string name = fileName[..^DepositFiles.SaltSuffix.Length];
        var evidence = new FileInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(saltPath!))!, name));
        return [new DeclaredFile(name, evidence.Exists ? evidence.Length : null)];
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ExitCode Unusable(CliContext context, ReportText report, string line)
    {
        context.Error.WriteLine(report.ErrorPrefix + line);
        return ExitCode.UnusableInput;
    }
}
