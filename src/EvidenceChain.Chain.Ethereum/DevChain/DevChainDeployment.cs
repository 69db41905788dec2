namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// The EvidenceAnchor contract that <see cref="LocalDevChain"/> deployed on its chain, as remembered in
/// the state directory: the chain it is on (chain id and genesis block hash), its address, and the
/// block its deployment landed in.
/// </summary>
public sealed record DevChainDeployment(long ChainId, string GenesisHash, string ContractAddress, ulong DeployBlockNumber);
