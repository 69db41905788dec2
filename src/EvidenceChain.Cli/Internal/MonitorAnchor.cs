using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Internal;

/// <summary>An anchored checkpoint as the chain holds it: tree size, root, and where it landed.</summary>
internal sealed record MonitorAnchor(ulong TreeSize, Digest Root, ulong BlockNumber, string TransactionHash);
