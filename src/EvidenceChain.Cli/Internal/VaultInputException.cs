namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An input a <c>vault</c> command cannot use. Thrown where the fault is found and caught once, in
/// <see cref="VaultWorkflow.RunAsync"/>, which prints the sentence for its problem and exits 2.
/// </summary>
internal sealed class VaultInputException(VaultProblem problem, string subject, string detail = "", Exception? innerException = null)
    : ProblemException<VaultProblem>(problem, subject, detail, VaultText.English.Describe(problem, subject, detail), innerException);
