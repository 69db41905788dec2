namespace EvidenceChain.Service.Internal;

/// <summary>
/// Where checkpoints are anchored (section "Anchor"). <see cref="Mode"/> <c>local</c> (the default)
/// starts a development anvil in the data directory and anchors there; <c>rpc</c> anchors to any EVM
/// chain given by <see cref="Rpc"/>, <see cref="Contract"/> and <see cref="KeyFile"/>; <c>off</c>
/// anchors nowhere. Deposits and checkpoints never depend on a chain in any mode.
/// </summary>
internal sealed class ChainSettings
{
    public const string Local = "local";
    public const string Remote = "rpc";
    public const string Off = "off";

    /// <summary><c>local</c>, <c>rpc</c> or <c>off</c>; unset means <c>rpc</c> when <see cref="Rpc"/> is given, else <c>local</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The chain's JSON-RPC address, e.g. http://127.0.0.1:8545 (mode rpc).</summary>
    public Uri? Rpc { get; set; }

    public long ChainId { get; set; } = 31337;

    /// <summary>The deployed EvidenceAnchor contract (mode rpc).</summary>
    public string? Contract { get; set; }

    /// <summary>A file (0600) holding the anchoring account's private key as hex (mode rpc).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Blocks below the head that count as final, for chains without a finalized tag; unset uses the tag.</summary>
    public ulong? FinalityDepth { get; set; }

    /// <summary>Anchor the latest checkpoint at most this often; unset: 5 s on the local chain, 30 s elsewhere.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>The most an anchor pays per gas, in gwei, however often a stuck transaction is replaced.</summary>
    public ulong MaxFeePerGasGwei { get; set; } = 200;

    /// <summary>The anvil binary for mode local; unset: found in node_modules (npm ci).</summary>
    public string? Anvil { get; set; }

    public string ResolvedMode => (Mode ?? (Rpc is null ? Local : Remote)).ToLowerInvariant() switch
    {
        Local => Local,
        Remote => Remote,
        Off => Off,
        _ => throw new InvalidOperationException($"Anchor:Mode is '{Mode}'; use local, rpc or off."),
    };
}
