using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// What the verifier's caller measured of the bytes given for one disclosed unit: their SHA-256 and
/// SM3 digests and their length. Reading the bytes stays outside the core.
/// </summary>
public sealed record UnitContent(DigestPair Digests, ulong LengthBytes);
