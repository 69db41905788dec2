namespace EvidenceChain.Core.Notes;

/// <summary>
/// A note whose signatures were checked: its text (safe to read now), the trusted keys that signed
/// it, and the signature lines from keys the verifier does not know (ignored, but reported).
/// </summary>
public sealed record OpenedNote(string Text, IReadOnlyList<NoteVerifier> SignedBy, IReadOnlyList<NoteSignature> UnknownSignatures);
