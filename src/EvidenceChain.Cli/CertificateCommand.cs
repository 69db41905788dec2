using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain certificate RECEIPT -o cert.pdf [--key VKEY]… [--trust FILE] [--salt SALTFILE] [--locator URL]
/// [--tsa-root FILE… [--operator-tsa FILE…]] [server options | --offline [--operator NAME] [--filing TEXT]]</c>:
/// verifies the receipt as <c>verify</c> does, then asks the notary service for the deposit's signed certificate
/// (存证证书, docs/deposit-certificate.md), checks it and writes it with its proof <c>cert.pdf.proof.json</c>; with
/// <c>--offline</c>, draws an unsigned reading aid from the receipt instead and reaches no server.
/// Exit 0 written; 1 the receipt or the issued certificate does not verify (one line, no file); 2 unusable input,
/// an existing output, a missing font, or the server refused or could not be reached (one line).
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
        var offline = new Option<bool>("--offline") { Description = "Draw an unsigned reading aid from the receipt here, instead of asking the notary service for the signed certificate." };
        var operatorName = new Option<string>("--operator") { Description = "With --offline: the operator's name, as it should appear (the service prints its own).", HelpName = "NAME" };
        var filing = new Option<string>("--filing") { Description = "With --offline: the operator's filing details (registration, ICP filing), as they should appear.", HelpName = "TEXT" };
        var command = new Command(
            "certificate",
            "Verify a deposit receipt, then have the notary service issue its signed deposit certificate (存证证书, a bilingual PDF) and write it with its proof "
            + "(FILE.proof.json); with --offline, draw an unsigned reading aid instead. Exit codes: 0 written; 1 the receipt or the issued certificate does not verify; "
            + "2 unusable input, or the server refused or could not be reached.")
        {
            receipt, output, keys, trust, salt, locator, tsaRoots, operatorTsa, offline, operatorName, filing,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(offline) && server.All.Any(option => result.GetResult(option) is not null))
            {
                result.AddError("--offline reaches no server: leave out the server options");
            }

            if (!result.GetValue(offline) && (result.GetResult(operatorName) is not null || result.GetResult(filing) is not null))
            {
                result.AddError("--operator and --filing go with --offline: the notary service prints its own");
            }

            if (result.GetResult(operatorTsa) is not null && result.GetResult(tsaRoots) is null)
            {
                result.AddError($"{TsaCertificateFiles.OperatorOption} needs {TsaCertificateFiles.RootOption}: without TSA roots no token is checked");
            }
        });
        command.SetAction((parsed, cancellationToken) =>
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
                parsed.GetValue(filing),
                parsed.GetValue(offline),
                server.Read(parsed));
            return OnlineCommand.RunAsync(context, languageCode, (_, report) =>
                CertificateWorkflow.RunAsync(context, CertificateText.For(languageCode), report, arguments, cancellationToken));
        });
        return command;
    }
}
