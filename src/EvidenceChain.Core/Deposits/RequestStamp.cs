using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Deposits;

/// <summary>
/// When a request was signed and a nonce (deposit-request.md v2): the notary accepts it only inside
/// a time window around its own clock and only once per key and nonce, so a captured request
/// cannot be replayed later.
/// </summary>
/// <param name="IssuedAtMs">The signer's clock, Unix milliseconds, UTC.</param>
/// <param name="Nonce">16 random bytes, new for every request (every attempt).</param>
public sealed record RequestStamp(long IssuedAtMs, byte[] Nonce)
{
    public const int NonceLengthBytes = 16;

    /// <summary>A stamp for a request signed at <paramref name="nowMs"/>, with a fresh nonce (the core reads no clock).</summary>
    public static RequestStamp Create(long nowMs, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] nonce = new byte[NonceLengthBytes];
        random(nonce);
        return new RequestStamp(nowMs, nonce);
    }

    /// <summary>What the notary remembers of a stamped request: SHA-256(signer's key fingerprint ‖ nonce).</summary>
    public Digest ReplayKey(in Digest keyFingerprint)
    {
        Span<byte> preimage = stackalloc byte[Digest.SizeInBytes + NonceLengthBytes];
        Digest.AsBytes(keyFingerprint).CopyTo(preimage);
        Nonce.CopyTo(preimage[Digest.SizeInBytes..]);
        return Sha256.HashData(preimage);
    }

    /// <summary>Whether it was issued within <paramref name="window"/> of <paramref name="nowMs"/>, either side.</summary>
    public bool IsFresh(long nowMs, TimeSpan window) => Math.Abs(nowMs - IssuedAtMs) <= (long)window.TotalMilliseconds;
}
