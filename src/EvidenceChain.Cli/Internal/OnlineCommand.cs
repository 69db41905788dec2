using EvidenceChain.Certificates;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using Grpc.Core;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Runs an online command's work and translates its failures, once, into one line on stderr and an
/// exit code: unusable input (certificate files too) and server failures 2 (naming the server), answers that do not verify 1.
/// </summary>
internal static class OnlineCommand
{
    public static async Task<int> RunAsync(CliContext context, string? languageCode, Func<OnlineText, ReportText, Task<ExitCode>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        OnlineText text = OnlineText.For(languageCode);
        ReportText report = ReportText.For(languageCode);
        try
        {
            return (int)await work(text, report).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            context.Error.WriteLine(report.Error(e));
            return (int)ExitCode.UnusableInput;
        }
        catch (OnlineInputException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
            return (int)ExitCode.UnusableInput;
        }
        catch (CertificateFileException e)
        {
            // The certificate, key and CA files of --cert, --cert-key and --ca: the ca commands' sentences.
            context.Error.WriteLine(report.ErrorPrefix + CaText.For(languageCode).Describe(e));
            return (int)ExitCode.UnusableInput;
        }
        catch (ServerException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + Describe(text, e));
            return (int)ExitCode.UnusableInput;
        }
        catch (InvalidAnswerException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + Describe(text, report, e));
            return (int)ExitCode.Invalid;
        }
    }

    public static string Describe(OnlineText text, ServerException exception)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(exception);
        string address = exception.Server.GetLeftPart(UriPartial.Authority);
        return exception switch
        {
            { IsUnreachable: true } => text.ServerUnreachable(address, exception.Detail),
            { Code: StatusCode.Unauthenticated } => text.NotAuthenticated(address, exception.Detail),
            { Code: StatusCode.PermissionDenied } => text.PermissionDenied(address, exception.Detail),
            _ => text.ServerFailed(address, exception.Code, exception.Detail),
        };
    }

    private static string Describe(OnlineText text, ReportText report, InvalidAnswerException exception) =>
        text.DoesNotVerify(
            exception.Subject,
            exception.Sentence ?? report.Failure(exception.Verdict.Failure),
            exception.Verdict.Failure.ToString(),
            exception.Verdict.Detail);
}
