namespace EvidenceChain.Service.Internal;

/// <summary>
/// Where checkpoints are anchored (section "Anchor"). Without an RPC address anchoring is off:
/// deposits and checkpoints never depend on a chain.
/// </summary>
internal sealed class ChainSettings
{
    /// <summary>The chain's JSON-RPC address, e.g. http://127.0.0.1:8545.</summary>
    public Uri? Rpc { get; set; }

    public long ChainId { get; set; } = 31337;

    /// <summary>The deployed EvidenceAnchor contract.</summary>
    public string? Contract { get; set; }

    /// <summary>A file (0600) holding the anchoring account's private key as hex.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Blocks below the head that count as final, for chains without a finalized tag; unset uses the tag.</summary>
    public ulong? FinalityDepth { get; set; }

    /// <summary>Anchor the latest checkpoint at most this often.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
