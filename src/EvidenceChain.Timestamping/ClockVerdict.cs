namespace EvidenceChain.Timestamping;

/// <summary>The outcome of <see cref="ClockGuard.Check"/>: the problem, or none, with a sentence a person understands.</summary>
/// <param name="Problem">The rule broken, or <see cref="ClockProblem.None"/>.</param>
/// <param name="Detail">What was measured and what was allowed.</param>
public readonly record struct ClockVerdict(ClockProblem Problem, string Detail)
{
    public bool IsTrusted => Problem == ClockProblem.None;

    public override string ToString() => IsTrusted ? Detail : $"{Problem}: {Detail}";
}
