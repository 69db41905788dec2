namespace EvidenceChain.Core.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(key_id ‖ signature)</c>.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature);
