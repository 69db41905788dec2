using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core;

/// <summary>One-shot SHA-256 (FIPS 180-4) on the implementation <see cref="CryptoMode"/> chooses.</summary>
internal static class Sha256
{
    public const int HashSizeInBytes = 32;

    public static Digest HashData(ReadOnlySpan<byte> source)
    {
        Digest result = default;
        HashData(source, Digest.AsWritableBytes(ref result));
        return result;
    }

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Debug.Assert(destination.Length >= HashSizeInBytes);
        if (CryptoMode.IsManagedOnly)
        {
            HashDataManaged(source, destination);
        }
        else
        {
            SHA256.HashData(source, destination);
        }
    }

    internal static void HashDataManaged(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(source);
        digest.DoFinal(destination);
    }
}
