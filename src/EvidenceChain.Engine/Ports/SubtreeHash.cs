using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>The hash of the perfect subtree at (level, index): MTH of leaves [index·2^level, (index+1)·2^level).</summary>
public readonly record struct SubtreeHash(int Level, ulong Index, Digest Hash);
