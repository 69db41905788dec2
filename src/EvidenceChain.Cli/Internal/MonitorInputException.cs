namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>monitor</c> cannot check the log with what it was given (exit code 2). Thrown where the fault is
/// found and caught once, in <see cref="MonitorWorkflow"/>, which prints the sentence for <see cref="Problem"/>.
/// </summary>
internal sealed class MonitorInputException : Exception
{
    public MonitorInputException(MonitorProblem problem, string subject, string detail = "")
        : base(MonitorText.English.Describe(problem, subject, detail))
    {
        Problem = problem;
        Subject = subject;
        Detail = detail;
    }

    public MonitorInputException(MonitorProblem problem, string subject, string detail, Exception inner)
        : base(MonitorText.English.Describe(problem, subject, detail), inner)
    {
        Problem = problem;
        Subject = subject;
        Detail = detail;
    }

    public MonitorProblem Problem { get; }

    /// <summary>The value, address or path at fault.</summary>
    public string Subject { get; }

    /// <summary>More about the fault (often from the node, in English), or empty.</summary>
    public string Detail { get; }
}
