namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>monitor</c> cannot check the log with what it was given (exit code 2). Thrown where the fault is
/// found and caught once, in <see cref="MonitorWorkflow"/>, which prints the sentence for its problem.
/// </summary>
internal sealed class MonitorInputException(MonitorProblem problem, string subject, string detail = "", Exception? innerException = null)
    : ProblemException<MonitorProblem>(problem, subject, detail, MonitorText.English.Describe(problem, subject, detail), innerException);
