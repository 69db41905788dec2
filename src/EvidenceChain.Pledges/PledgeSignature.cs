using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>An acting party's signature, with one of its registered keys, over an event's <see cref="PledgeEventMessage"/>.</summary>
/// <param name="PartyId">The signing party.</param>
/// <param name="KeyFingerprint">Which of its keys signed (PartyKey.Fingerprint).</param>
/// <param name="Signature">64 bytes: Ed25519, or SM2 <c>r ‖ s</c> under the key's user ID.</param>
public sealed record PledgeSignature(string PartyId, Digest KeyFingerprint, byte[] Signature)
{
    public const int SignatureLengthBytes = 64;

    /// <summary>The most signatures one event carries.</summary>
    public const int CountMax = 16;
}
