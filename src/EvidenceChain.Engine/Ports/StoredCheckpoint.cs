using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>A signed checkpoint as stored: its size, root, the full signed note and when it was signed.</summary>
public sealed record StoredCheckpoint(ulong TreeSize, Digest Root, string Note, long SignedAtMs);
