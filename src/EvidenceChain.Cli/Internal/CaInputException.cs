namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input a <c>ca</c> command cannot use. Thrown where the fault is found and caught once, in
/// <see cref="CaWorkflow.Run"/>, which prints the sentence for its problem and exits 2.
/// </summary>
internal sealed class CaInputException(CaProblem problem, string subject, string detail = "")
    : ProblemException<CaProblem>(problem, subject, detail, CaText.English.Describe(problem, subject, detail), null);
