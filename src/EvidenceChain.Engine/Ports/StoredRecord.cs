using EvidenceChain.Core.Leaves;

namespace EvidenceChain.Engine.Ports;

/// <summary>A stored record: the leaf it stands behind and its canonical bytes.</summary>
public sealed record StoredRecord(ulong LeafIndex, LeafType Type, byte[] Bytes);
