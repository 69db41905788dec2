using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>receipt</c> command line, parsed. <see cref="Target"/> is a deposit id, a leaf index (with
/// <see cref="ByLeafIndex"/>) or a receipt file. <see cref="Until"/> is the anchor state to wait for
/// (<see cref="AnchorState.Included"/> or <see cref="AnchorState.Final"/>), at most <see cref="TimeoutSeconds"/>; null not to wait.
/// </summary>
internal sealed record ReceiptArguments(
    string Target,
    bool ByLeafIndex,
    ServerChoice Server,
    string? SaltPath,
    string? OutPath,
    string? DepositorKeyPath,
    IReadOnlyList<string> KeyArguments,
    string? TrustFile,
    AnchorState? Until = null,
    int TimeoutSeconds = ReceiptArguments.TimeoutSecondsDefault)
{
    /// <summary>Ethereum finalizes a block after about 13 minutes, after the notary's anchoring interval; half an hour covers both.</summary>
    public const int TimeoutSecondsDefault = 1800;

    public const int TimeoutSecondsMax = 7200;
}
