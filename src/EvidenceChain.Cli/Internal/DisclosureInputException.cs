namespace EvidenceChain.Cli.Internal;

/// <summary>An input <c>disclose</c> cannot use; caught once in <see cref="DiscloseCommand"/>, which prints its sentence and exits 2.</summary>
internal sealed class DisclosureInputException(DisclosureProblem problem, string subject, string detail = "")
    : ProblemException<DisclosureProblem>(problem, subject, detail, DisclosureOwnerText.English.Describe(problem, subject, detail), null);
