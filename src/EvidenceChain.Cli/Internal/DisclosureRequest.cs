namespace EvidenceChain.Cli.Internal;

/// <summary>The command line of <c>disclose</c>, parsed. <paramref name="RecordTo"/> is the recipient's party id with <c>--record</c>, null offline.</summary>
internal sealed record DisclosureRequest(
    string ReceiptPath,
    string SaltPath,
    string ContentPath,
    IReadOnlyList<string> UnitSelectors,
    IReadOnlyList<string> PathSelectors,
    string OutputPath,
    string? CopyDirectory,
    string? RecordTo = null);
