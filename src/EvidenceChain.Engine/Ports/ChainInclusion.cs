namespace EvidenceChain.Engine.Ports;

/// <summary>
/// Where an anchor landed on a chain: its transaction (and index in the block), the block's number,
/// hash and time (Unix seconds), and the index of the Anchored event among the block's logs.
/// </summary>
public sealed record ChainInclusion(string TransactionHash, ulong TransactionIndex, ulong BlockNumber, string BlockHash, ulong BlockTimestamp, ulong LogIndex);
