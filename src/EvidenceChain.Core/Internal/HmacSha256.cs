using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace EvidenceChain.Core;

/// <summary>One-shot HMAC-SHA256 (RFC 2104) on the implementation <see cref="CryptoMode"/> chooses.</summary>
internal static class HmacSha256
{
    public static void HashData(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Debug.Assert(destination.Length >= Sha256.HashSizeInBytes);
        if (CryptoMode.IsManagedOnly)
        {
            HashDataManaged(key, source, destination);
        }
        else
        {
            HMACSHA256.HashData(key, source, destination);
        }
    }

    internal static void HashDataManaged(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var hmac = new HMac(new Sha256Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(source);
        hmac.DoFinal(destination);
    }
}
