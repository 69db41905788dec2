using System.Numerics;

namespace EvidenceChain.Timestamping;

/// <summary>What a verified token states, and who stated it.</summary>
/// <param name="GenTime">When the TSA says the imprint existed (TSTInfo genTime).</param>
/// <param name="Accuracy">The stated accuracy either side of <paramref name="GenTime"/>; null when the token states none.</param>
/// <param name="SerialNumber">The token's serial number, unique for its TSA.</param>
/// <param name="PolicyOid">The policy the token was issued under (dotted decimal).</param>
/// <param name="TsaName">The signer certificate's subject, as RFC 4514 text ("CN=…,O=…").</param>
/// <param name="TsaCertificateSha256">The SHA-256 of the signer certificate's DER, 64 lowercase hexadecimal digits.</param>
/// <param name="IsOperatorTsa">
/// True when the signer certificate is one of the operator's own TSAs: the time is then the operator's word,
/// "operator time, not independent", and must not be presented as an outside witness.
/// </param>
public sealed record VerifiedTimestamp(
    DateTimeOffset GenTime,
    TimeSpan? Accuracy,
    BigInteger SerialNumber,
    string PolicyOid,
    string TsaName,
    string TsaCertificateSha256,
    bool IsOperatorTsa);
