using EvidenceChain.Timestamping;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Tsp;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// The hash algorithm a token's message imprint names, read before the token is verified so the
/// verifier knows which imprint of the checkpoint to compute (receipt.md §Timestamps). Reading it from
/// unverified bytes is safe: <see cref="TimestampTokenVerifier"/> then checks the whole imprint,
/// algorithm included, under the TSA's signature. A receipt's tokens use SHA-256 or SM3 only.
/// </summary>
internal static class TokenImprintHash
{
    public static bool TryRead(byte[] tokenDer, out TimestampHash hash, out string problem)
    {
        hash = default;
        problem = string.Empty;
        DerObjectIdentifier algorithm;
        try
        {
            var signedData = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(tokenDer)).Content);
            byte[] content = Asn1OctetString.GetInstance(signedData.EncapContentInfo.Content).GetOctets();
            algorithm = TstInfo.GetInstance(Asn1Object.FromByteArray(content)).MessageImprint.HashAlgorithm.Algorithm;
        }
#pragma warning disable CA1031 // BouncyCastle's parsers throw many exception types on hostile input; every one means "malformed".
        catch (Exception e)
#pragma warning restore CA1031
        {
            problem = $"the token is not CMS SignedData holding a TSTInfo ({e.Message})";
            return false;
        }

        if (NistObjectIdentifiers.IdSha256.Equals(algorithm))
        {
            hash = TimestampHash.Sha256;
            return true;
        }

        if (GMObjectIdentifiers.sm3.Equals(algorithm))
        {
            hash = TimestampHash.Sm3;
            return true;
        }

        problem = $"its message imprint uses {Name(algorithm)}; a receipt's tokens use SHA-256 or SM3";
        return false;
    }

    private static string Name(DerObjectIdentifier algorithm) =>
        NistObjectIdentifiers.IdSha384.Equals(algorithm) ? "SHA-384"
        : NistObjectIdentifiers.IdSha512.Equals(algorithm) ? "SHA-512"
        : OiwObjectIdentifiers.IdSha1.Equals(algorithm) ? "SHA-1"
        : algorithm.Id;
}
