namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An approval file, as <c>case approve</c> writes it and <c>case apply --approval</c> reads it:
/// <c>{"notary_party_id": "…", "key_fingerprint": "64 lowercase hex", "signature": "base64 of 64 bytes"}</c>.
/// </summary>
internal sealed record CaseApprovalJson(string NotaryPartyId, string KeyFingerprint, string Signature);
