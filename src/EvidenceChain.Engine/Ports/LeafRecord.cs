namespace EvidenceChain.Engine.Ports;

/// <summary>The canonical record behind a record leaf, kept beside the log, and the parties it names (so each can list its trail).</summary>
public sealed record LeafRecord(byte[] Bytes, IReadOnlyList<string> PartyIds);
