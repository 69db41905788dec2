using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// SM2 with SM3 for CMS signer infos (GM/T 0010-2012). The user ID enters the signed hash (GB/T 32918.2
/// §5.5, Z_A), and a token does not carry it, so both sides must agree out of band: GM/T 0010 fixes the
/// GM/T 0009 default, which we pass explicitly on both sides rather than lean on a library default
/// (BouncyCastle's matches it, the OpenSSL 3 command line's is empty: each rejects the other's signatures).
/// </summary>
internal static class Sm2
{
    public static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");

    public static byte[] UserId => Encoding.ASCII.GetBytes("1234567812345678");

    public static bool IsSm2Key(AsymmetricKeyParameter key) => key is ECKeyParameters ec && ec.Parameters.Curve.Equals(Curve.Curve) && ec.Parameters.G.Equals(Curve.G);

    public static ISigner CreateSigner(bool forSigning, AsymmetricKeyParameter key)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(forSigning, new ParametersWithID(forSigning ? key : Sm2Verification.ForVerification(key), UserId));
        return signer;
    }
}
