namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// An input the command cannot use. Thrown where the fault is found (deep in file enumeration, say)
/// and caught once per command, which prints the sentence for <see cref="Problem"/> in the report's
/// language and exits with <see cref="ExitCode.UnusableInput"/>.
/// </summary>
internal sealed class InputException : Exception
{
    public InputException(InputProblem problem, string subject, string detail = "")
        : base(ReportText.English.Describe(problem, subject, detail))
    {
        Problem = problem;
        Subject = subject;
        Detail = detail;
    }

    public InputProblem Problem { get; }

    /// <summary>The path or value at fault.</summary>
    public string Subject { get; }

    /// <summary>More about the fault, often from the OS or Core (in English), or empty.</summary>
    public string Detail { get; }
}
