namespace EvidenceChain.Cli.Internal;

/// <summary>The <c>monitor</c> command line, parsed. A null <see cref="WatchSeconds"/> means one check.</summary>
internal sealed record MonitorArguments(
    string Rpc,
    ServerChoice Server,
    string? Contract,
    string? StatePath,
    ulong FromBlock,
    ulong BlockRangeBlocks,
    uint? WatchSeconds,
    IReadOnlyList<string> KeyArguments,
    string? TrustFile);
