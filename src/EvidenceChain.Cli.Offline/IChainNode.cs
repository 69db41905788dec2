namespace EvidenceChain.Cli.Offline;

/// <summary>
/// The Ethereum node <c>verify --rpc</c> asks about a proven anchor's block: the four read-only
/// answers the canonicality check needs, and nothing else. This assembly holds no network code (the
/// court's expert audits it; CliArchitectureTests holds the line), so the executable implements this
/// over JSON-RPC and hands it in. Every method either answers or throws <see cref="ChainNodeException"/>.
/// </summary>
internal interface IChainNode : IDisposable
{
    /// <summary>The address the node is asked at, as the report names it.</summary>
    string Endpoint { get; }

    /// <summary>The chain the node serves (<c>eth_chainId</c>).</summary>
    Task<long> GetChainIdAsync(CancellationToken cancellationToken);

    /// <summary>The block at <paramref name="blockNumber"/> on the node's canonical chain, or null when its chain is not that long.</summary>
    Task<ChainBlock?> GetBlockAsync(ulong blockNumber, CancellationToken cancellationToken);

    /// <summary>The node's <c>finalized</c> block, or null when the node does not know that tag (a chain without finality gadget, or an old client).</summary>
    Task<ChainBlock?> GetFinalizedBlockAsync(CancellationToken cancellationToken);

    /// <summary>The node's head (<c>latest</c>).</summary>
    Task<ChainBlock> GetLatestBlockAsync(CancellationToken cancellationToken);
}
