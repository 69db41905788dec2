using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>Object identifiers, digest lengths and BouncyCastle digests for each <see cref="TimestampHash"/>.</summary>
internal static class HashAlgorithms
{
    public static DerObjectIdentifier Oid(TimestampHash hash) => hash switch
    {
        TimestampHash.Sha256 => NistObjectIdentifiers.IdSha256,
        TimestampHash.Sha384 => NistObjectIdentifiers.IdSha384,
        TimestampHash.Sha512 => NistObjectIdentifiers.IdSha512,
        TimestampHash.Sm3 => GMObjectIdentifiers.sm3,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "not a timestamp hash algorithm"),
    };

    public static int DigestLengthBytes(TimestampHash hash) => hash switch
    {
        TimestampHash.Sha384 => 48,
        TimestampHash.Sha512 => 64,
        _ => 32,
    };

    public static IDigest CreateDigest(TimestampHash hash) => hash switch
    {
        TimestampHash.Sha256 => new Sha256Digest(),
        TimestampHash.Sha384 => new Sha384Digest(),
        TimestampHash.Sha512 => new Sha512Digest(),
        TimestampHash.Sm3 => new SM3Digest(),
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "not a timestamp hash algorithm"),
    };

    public static byte[] Compute(TimestampHash hash, ReadOnlySpan<byte> data)
    {
        IDigest digest = CreateDigest(hash);
        digest.BlockUpdate(data);
        byte[] result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result);
        return result;
    }

    /// <summary>
    /// The algorithm an identifier names, if it is one of ours with absent or NULL parameters (RFC 5754
    /// §2 allows both for the SHA-2 family).
    /// </summary>
    public static bool TryFrom(AlgorithmIdentifier identifier, out TimestampHash hash)
    {
        hash = default;
        if (identifier.Parameters is not (null or DerNull))
        {
            return false;
        }

        foreach (TimestampHash candidate in Enum.GetValues<TimestampHash>())
        {
            if (Oid(candidate).Equals(identifier.Algorithm))
            {
                hash = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Name(TimestampHash hash) => hash switch
    {
        TimestampHash.Sha256 => "SHA-256",
        TimestampHash.Sha384 => "SHA-384",
        TimestampHash.Sha512 => "SHA-512",
        TimestampHash.Sm3 => "SM3",
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "not a timestamp hash algorithm"),
    };

    /// <summary>A name for status strings and verdicts: ours, the two a client is most likely to send by mistake, or the dotted OID.</summary>
    public static string Name(DerObjectIdentifier oid) => oid.Id switch
    {
        "1.3.14.3.2.26" => "SHA-1",
        "1.2.840.113549.2.5" => "MD5",
        _ => TryFrom(new AlgorithmIdentifier(oid), out TimestampHash hash) ? Name(hash) : oid.Id,
    };
}
