namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input an online command cannot use. Thrown where the fault is found and caught once, in
/// <see cref="OnlineCommand"/>, which prints the sentence for <see cref="Problem"/> and exits 2.
/// </summary>
internal sealed class OnlineInputException : Exception
{
    public OnlineInputException(OnlineProblem problem, string subject, string detail = "")
        : base(OnlineText.English.Describe(problem, subject, detail))
    {
        Problem = problem;
        Subject = subject;
        Detail = detail;
    }

    public OnlineProblem Problem { get; }

    /// <summary>The path or value at fault.</summary>
    public string Subject { get; }

    /// <summary>More about the fault (often from the OS, in English), or empty.</summary>
    public string Detail { get; }
}
