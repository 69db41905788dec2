namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input a <c>ca</c> command cannot use. Thrown where the fault is found and caught once, in
/// <see cref="CaWorkflow.Run"/>, which prints the sentence for <see cref="Problem"/> and exits 2.
/// </summary>
internal sealed class CaInputException : Exception
{
    public CaInputException(CaProblem problem, string subject, string detail = "")
        : base(CaText.English.Describe(problem, subject, detail))
    {
        Problem = problem;
        Subject = subject;
        Detail = detail;
    }

    public CaProblem Problem { get; }

    /// <summary>The path or value at fault.</summary>
    public string Subject { get; }

    /// <summary>More about the fault, or empty.</summary>
    public string Detail { get; }
}
