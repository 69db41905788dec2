using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>Where an anchor transaction landed: transaction and its index, block, the Anchored event's log index, gas.</summary>
public sealed record AnchorInclusion(string TransactionHash, ulong TransactionIndex, ulong BlockNumber, string BlockHash, ulong LogIndex, ulong GasUsed, Digest LogId, ulong TreeSize, Digest Root, ulong Timestamp);
