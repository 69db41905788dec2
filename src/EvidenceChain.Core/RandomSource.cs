namespace EvidenceChain.Core;

/// <summary>
/// Fills a buffer with cryptographically random bytes. The core never draws randomness itself:
/// callers pass <c>RandomNumberGenerator.Fill</c>, and tests pass fixed bytes to reproduce vectors.
/// </summary>
public delegate void RandomSource(Span<byte> destination);
