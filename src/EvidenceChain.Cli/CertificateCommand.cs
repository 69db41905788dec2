using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain certificate RECEIPT -o cert.pdf [--key VKEY]… [--trust FILE] [--salt SALTFILE] [--locator URL]
/// [--tsa-root FILE… [--operator-tsa FILE…]] [--operator NAME] [--filing TEXT]</c>: verifies the receipt as
/// <c>verify</c> does, then renders its deposit certificate (存证证书, docs/deposit-certificate.md) to a new PDF.
/// Exit 0 written; 1 the receipt is invalid (one line, no file); 2 unusable input, an existing output or a missing
/// font (one line). Offline: it reaches no server.
/// </summary>
internal static class CertificateCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var receipt = new Argument<string>("RECEIPT") { Description = "The receipt file (*.receipt.json)." };
        var output = new Option<string>("--output", "-o") { Description = "The certificate PDF to create; an existing file is never overwritten.", HelpName = "FILE", Required = true };
        var keys = new Option<string[]>(TrustedKeys.KeyOption)
        {
            Description = "A trusted verifier key of the log (name+keyid+base64) or a file of them, one per line; repeatable.",
            HelpName = "VKEY",
        };
        var trust = new Option<string>(TrustedKeys.TrustOption)
        {
            Description = $"A trust file of verifier keys (default: ${TrustedKeys.TrustFileVariable}, else ~/.config/evidencechain/trusted.keys).",
            HelpName = "FILE",
        };
        var salt = new Option<string>("--salt")
        {
            Description = "The depositor's salt file NAME.salt.json: the receipt must be for its deposit, and NAME is shown as the declared file.",
            HelpName = "SALTFILE",
        };
        var locator = new Option<string>("--locator") { Description = "The receipt's locator URL, printed and drawn as a QR code.", HelpName = "URL" };
        var tsaRoots = new Option<string[]>(TsaCertificateFiles.RootOption)
        {
            Description = "A PEM file of TSA root certificates you trust; only tokens that verify against them appear on the certificate. Repeatable.",
            HelpName = "FILE",
        };
        var operatorTsa = new Option<string[]>(TsaCertificateFiles.OperatorOption)
        {
            Description = "With --tsa-root: a PEM file of the operator's own TSA certificates; their times are marked operator time, not independent. Repeatable.",
            HelpName = "FILE",
        };
        var operatorName = new Option<string>("--operator") { Description = "The operator's name, as it should appear on the certificate.", HelpName = "NAME" };
        var filing = new Option<string>("--filing") { Description = "The operator's filing details (registration, ICP filing), as they should appear.", HelpName = "TEXT" };
        var command = new Command(
            "certificate",
            "Verify a deposit receipt and render its deposit certificate (存证证书) as a bilingual PDF. Exit codes: 0 written; 1 the receipt is invalid; 2 unusable input.")
        {
            receipt, output, keys, trust, salt, locator, tsaRoots, operatorTsa, operatorName, filing,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(operatorTsa) is not null && result.GetResult(tsaRoots) is null)
            {
                result.AddError($"{TsaCertificateFiles.OperatorOption} needs {TsaCertificateFiles.RootOption}: without TSA roots no token is checked");
            }
        });
        command.SetAction((parsed, _) =>
        {
            string? languageCode = parsed.GetValue(language);
            var arguments = new CertificateArguments(
                parsed.GetRequiredValue(receipt),
                parsed.GetRequiredValue(output),
                parsed.GetValue(keys) ?? [],
                parsed.GetValue(trust),
                parsed.GetValue(salt),
                parsed.GetValue(locator),
                parsed.GetValue(tsaRoots) ?? [],
                parsed.GetValue(operatorTsa) ?? [],
                parsed.GetValue(operatorName),
                parsed.GetValue(filing));
            return OnlineCommand.RunAsync(context, languageCode, (_, report) =>
                Task.FromResult(CertificateWorkflow.Run(context, CertificateText.For(languageCode), report, arguments)));
        });
        return command;
    }
}
