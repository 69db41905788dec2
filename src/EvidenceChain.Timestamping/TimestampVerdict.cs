using System.Diagnostics.CodeAnalysis;

namespace EvidenceChain.Timestamping;

/// <summary>
/// The outcome of <see cref="TimestampTokenVerifier.Verify"/>: what the token proves, or the rule that failed
/// with a sentence saying what was got and what was wanted.
/// </summary>
/// <param name="Failure">The rule broken, or <see cref="TimestampFailure.None"/>.</param>
/// <param name="Detail">A sentence a person understands.</param>
/// <param name="Timestamp">What the token states; null unless valid.</param>
public sealed record TimestampVerdict(TimestampFailure Failure, string Detail, VerifiedTimestamp? Timestamp)
{
    [MemberNotNullWhen(true, nameof(Timestamp))]
    public bool IsValid => Failure == TimestampFailure.None;

    public override string ToString() => IsValid ? Detail : $"{Failure}: {Detail}";

    internal static TimestampVerdict Fail(TimestampFailure failure, string detail) => new(failure, detail, null);
}
