using EvidenceChain.Core.Notes;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>A checkpoint whose signatures verified: the checkpoint, the log's trusted keys that signed it, and ignored signature lines from unknown keys.</summary>
public sealed record VerifiedCheckpoint(Checkpoint Checkpoint, IReadOnlyList<NoteVerifier> SignedBy, IReadOnlyList<NoteSignature> UnknownSignatures);
