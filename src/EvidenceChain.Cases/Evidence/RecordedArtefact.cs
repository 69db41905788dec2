namespace EvidenceChain.Cases.Evidence;

/// <summary>An artefact as recorded in the log: the leaf that holds it.</summary>
public sealed record RecordedArtefact(CaseArtefact Artefact, ulong LeafIndex);
