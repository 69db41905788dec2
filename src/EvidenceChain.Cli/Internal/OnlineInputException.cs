namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input an online command cannot use. Thrown where the fault is found and caught once, in
/// <see cref="OnlineCommand"/>, which prints the sentence for its problem and exits 2.
/// </summary>
internal sealed class OnlineInputException(OnlineProblem problem, string subject, string detail = "")
    : ProblemException<OnlineProblem>(problem, subject, detail, OnlineText.English.Describe(problem, subject, detail), null);
