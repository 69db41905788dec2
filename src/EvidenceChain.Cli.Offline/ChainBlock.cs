namespace EvidenceChain.Cli.Offline;

/// <summary>A block as a node reports it: its number and its hash, 0x-prefixed lowercase hex as Ethereum tools print it.</summary>
internal sealed record ChainBlock(ulong Number, string Hash);
