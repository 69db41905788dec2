using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>Whether a private key and a public key are two halves of one pair.</summary>
internal static class KeyPairs
{
    public static bool Match(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) => (privateKey, publicKey) switch
    {
        (ECPrivateKeyParameters d, ECPublicKeyParameters q) =>
            d.Parameters.Equals(q.Parameters) && d.Parameters.G.Multiply(d.D).Normalize().Equals(q.Q.Normalize()),
        (RsaPrivateCrtKeyParameters d, RsaKeyParameters n) =>
            d.Modulus.Equals(n.Modulus) && d.PublicExponent.Equals(n.Exponent),
        (RsaKeyParameters d, RsaKeyParameters n) => d.Modulus.Equals(n.Modulus),
        _ => false,
    };
}
