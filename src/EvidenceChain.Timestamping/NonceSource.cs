namespace EvidenceChain.Timestamping;

/// <summary>
/// Fills a buffer with cryptographically random bytes for a request nonce. The library never draws
/// randomness itself: callers pass <c>RandomNumberGenerator.Fill</c>; tests may pass fixed bytes.
/// </summary>
public delegate void NonceSource(Span<byte> destination);
