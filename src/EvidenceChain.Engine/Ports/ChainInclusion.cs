namespace EvidenceChain.Engine.Ports;

/// <summary>Where an anchor landed on a chain: transaction, block number and hash, block time.</summary>
public sealed record ChainInclusion(string TransactionHash, ulong BlockNumber, string BlockHash, ulong BlockTimestamp);
