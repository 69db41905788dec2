namespace EvidenceChain.Cli.Internal;

/// <summary>
/// One acting party's signature over a pledge event's message, as <c>pledge sign</c> writes it and
/// <c>pledge apply --signature</c> reads it: <c>{"party_id", "key_fingerprint" (64 lowercase hex digits),
/// "signature" (base64 of 64 bytes)}</c>. The proto's <c>PledgeSignature</c>; the server checks it.
/// </summary>
internal sealed record PledgeSignatureJson(string PartyId, string KeyFingerprint, string Signature);
