namespace EvidenceChain.Cli.Internal;

/// <summary>The <c>receipt</c> command line, parsed. <see cref="Target"/> is a deposit id, a leaf index (with <see cref="ByLeafIndex"/>) or a receipt file.</summary>
internal sealed record ReceiptArguments(
    string Target,
    bool ByLeafIndex,
    string? Server,
    string? SaltPath,
    string? OutPath,
    string? DepositorKeyPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustFile);
