namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input a command cannot use, named by a problem of that command's own list: the subject it is
/// about (a file, a URL, an id) and what was wrong. The message is the English sentence; the command
/// that catches it prints the sentence in the user's language and exits 2.
/// </summary>
internal abstract class ProblemException<TProblem>(TProblem problem, string subject, string detail, string message, Exception? innerException)
    : Exception(message, innerException)
    where TProblem : struct, Enum
{
    public TProblem Problem { get; } = problem;

    public string Subject { get; } = subject;

    public string Detail { get; } = detail;
}
