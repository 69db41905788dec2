namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>What to start: the binary, the chain's files and its shape.</summary>
internal sealed record AnvilLaunch(string Binary, string StateFile, string PidFile, long ChainId, TimeSpan BlockTime);
