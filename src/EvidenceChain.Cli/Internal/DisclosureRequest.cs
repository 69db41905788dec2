namespace EvidenceChain.Cli.Internal;

/// <summary>The command line of <c>disclose</c>, parsed.</summary>
internal sealed record DisclosureRequest(
    string ReceiptPath,
    string SaltPath,
    string ContentPath,
    IReadOnlyList<string> UnitSelectors,
    IReadOnlyList<string> PathSelectors,
    string OutputPath,
    string? CopyDirectory);
