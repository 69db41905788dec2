namespace EvidenceChain.Cli.Internal;

/// <summary>The <c>consistency</c> command line, parsed. A <see cref="NewTreeSize"/> of 0 means the latest.</summary>
internal sealed record ConsistencyArguments(
    ulong OldTreeSize,
    ulong NewTreeSize,
    ServerChoice Server,
    string? OldCheckpointPath,
    string? NewCheckpointPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustFile);
