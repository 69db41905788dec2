using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core.Hashing;

/// <summary>
/// SM3 (GB/T 32905-2016) one-shot hashing into a caller buffer, over BouncyCastle's managed
/// <see cref="SM3Digest"/>. For many small inputs reuse a <see cref="ContentHasher"/> or a
/// Merkle hasher instead: each call here allocates a digest state.
/// </summary>
public static class Sm3
{
    public const int HashSizeInBytes = 32;

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw Error.TooShort(nameof(destination), HashSizeInBytes, destination.Length);
        }

        var digest = new SM3Digest();
        digest.BlockUpdate(source);
        digest.DoFinal(destination);
    }

    public static Digest HashData(ReadOnlySpan<byte> source)
    {
        Digest result = default;
        HashData(source, Digest.AsWritableBytes(ref result));
        return result;
    }
}
