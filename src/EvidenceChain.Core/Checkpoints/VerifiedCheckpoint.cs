using EvidenceChain.Core.Notes;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// A checkpoint whose signatures verified: the checkpoint, the log's trusted keys whose signatures it
/// carries (in trust-list order; after a key rotation not every trusted key signs), and ignored
/// signature lines from unknown keys.
/// </summary>
public sealed record VerifiedCheckpoint(Checkpoint Checkpoint, IReadOnlyList<NoteVerifier> SignedBy, IReadOnlyList<NoteSignature> UnknownSignatures);
