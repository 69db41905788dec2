namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// A timestamp a valid case's report shows, in receipt order: the entry's label and stamped tree size, the
/// token's genTime and accuracy, the signer certificate's subject, and whether the time is the operator's own
/// (<see cref="Operator"/>) or an outside witness's (<see cref="Independent"/>).
/// </summary>
internal sealed record ExpectedTimestamp(string Authority, ulong TreeSize, string GenTime, long? AccuracyMs, string Tsa, string Source)
{
    public const string Independent = "independent";

    public const string Operator = "operator";
}
