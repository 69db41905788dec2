namespace EvidenceChain.Core.Proofs;

/// <summary>
/// The outcome of a verification: valid, or the rule that failed with a sentence saying what was
/// got and what was wanted (both roots, for a root mismatch). Failures that can happen are values;
/// exceptions are kept for misuse.
/// </summary>
public readonly record struct Verdict(VerificationFailure Failure, string Detail)
{
    public static Verdict Valid { get; } = new(VerificationFailure.None, "valid");

    public bool IsValid => Failure == VerificationFailure.None;

    public static Verdict Fail(VerificationFailure failure, string detail) => new(failure, detail);

    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Detail}";
}
