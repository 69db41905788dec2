namespace EvidenceChain.Timestamping;

/// <summary>The outcome of <see cref="TimestampRequest.ReadResponse"/>: the token, or why the response does not answer the request.</summary>
/// <param name="Failure">The rule broken, or <see cref="TimestampResponseFailure.None"/>.</param>
/// <param name="Detail">A sentence a person understands, saying what was got and what was wanted.</param>
/// <param name="TokenDer">The token's DER (a CMS ContentInfo), not yet verified; null unless the response answers the request.</param>
public sealed record TimestampResponseVerdict(TimestampResponseFailure Failure, string Detail, byte[]? TokenDer)
{
    public bool Answers => Failure == TimestampResponseFailure.None;

    public override string ToString() => Answers ? Detail : $"{Failure}: {Detail}";

    internal static TimestampResponseVerdict Fail(TimestampResponseFailure failure, string detail) => new(failure, detail, null);
}
