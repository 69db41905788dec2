using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Chain.Ethereum;

/// <summary>What the contract holds for an anchored root: its log, tree size, block number and block time.</summary>
public sealed record AnchorRecord(Digest LogId, ulong TreeSize, ulong BlockNumber, ulong Timestamp);
