using EvidenceChain.Core.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core.Anchors;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not FIPS 202 SHA3-256), over
/// BouncyCastle's managed <see cref="KeccakDigest"/>. One-shot: anchor proofs hash a handful of
/// nodes, each hundreds of bytes.
/// </summary>
internal static class Keccak256
{
    public static Digest HashData(ReadOnlySpan<byte> source)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(source);
        Digest result = default;
        digest.DoFinal(Digest.AsWritableBytes(ref result));
        return result;
    }
}
