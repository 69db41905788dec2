namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// One case of the manifest: a receipt file and the verifier's own inputs for it (the log's verifier keys,
/// the TSA roots it trusts, the operator's TSA certificates, the deposited content and the salt file), all
/// file names in the folder. <paramref name="Expect"/> is <see cref="Valid"/> or the name of the
/// <c>VerificationFailure</c> the first broken rule gives. A valid case also states the times the report
/// shows; an invalid one states none.
/// </summary>
internal sealed record ConformanceCase(
    string Name,
    string Description,
    string Receipt,
    string LogKeys,
    IReadOnlyList<string> TsaRoots,
    IReadOnlyList<string> OperatorTsa,
    string Content,
    string Salt,
    string Expect,
    string? LogTime = null,
    IReadOnlyList<ExpectedTimestamp>? Timestamps = null,
    IReadOnlyList<ExpectedAnchor>? Anchors = null)
{
    public const string Valid = "valid";

    /// <summary>Every file of the folder the case names.</summary>
    public IEnumerable<string> FileNames() => [Receipt, LogKeys, .. TsaRoots, .. OperatorTsa, Content, Salt];
}
