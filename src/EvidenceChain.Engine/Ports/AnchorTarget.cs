namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Where anchors are recorded: a contract on a chain. The genesis hash tells a development chain
/// restarted without its state (same chain id, same contract address) from the chain the anchors
/// were made on. <paramref name="Contract"/> is 0x-prefixed lowercase hex.
/// </summary>
public sealed record AnchorTarget(string Kind, long ChainId, string Contract, string GenesisHash)
{
    /// <summary>The only kind so far: an EVM chain with the EvidenceAnchor contract.</summary>
    public const string Evm = "evm";

    public override string ToString() => $"{Kind}:{ChainId}:{Contract} (genesis {GenesisHash})";
}
