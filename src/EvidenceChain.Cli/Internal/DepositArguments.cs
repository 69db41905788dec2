using EvidenceChain.Core.Leaves;

namespace EvidenceChain.Cli.Internal;

/// <summary>The <c>deposit</c> command line, parsed.</summary>
internal sealed record DepositArguments(
    string ContentPath,
    ContentKind Kind,
    ServerChoice Server,
    long ChunkSizeBytes,
    string? OutDirectory,
    int WaitSeconds,
    string? DepositorKeyPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustFile);
