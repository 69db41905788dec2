using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;

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

    // The same curve in affine coordinates, for verifying: BouncyCastle blinds the inversion that makes a projective
    // result affine with a SecureRandom seeded from .NET's RandomNumberGenerator (OpenSSL's on Linux), which the court's
    // single-file verifier must not load; a verification's values are all public, so there is nothing to blind.
    private static readonly ECDomainParameters s_verificationDomain = AffineDomain();

    public static byte[] UserId => Encoding.ASCII.GetBytes("1234567812345678");

    public static bool IsSm2Key(AsymmetricKeyParameter key) => key is ECKeyParameters ec && ec.Parameters.Curve.Equals(Curve.Curve) && ec.Parameters.G.Equals(Curve.G);

    public static ISigner CreateSigner(bool forSigning, AsymmetricKeyParameter key)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(forSigning, new ParametersWithID(forSigning ? key : ForVerification(key), UserId));
        return signer;
    }

    /// <summary>An SM2 public key moved onto the affine copy of the curve; any other key as it is.</summary>
    public static AsymmetricKeyParameter ForVerification(AsymmetricKeyParameter key) =>
        key is ECPublicKeyParameters ec && IsSm2Key(ec)
            ? new ECPublicKeyParameters(s_verificationDomain.Curve.CreatePoint(ec.Q.AffineXCoord.ToBigInteger(), ec.Q.AffineYCoord.ToBigInteger()), s_verificationDomain)
            : key;

    private static ECDomainParameters AffineDomain()
    {
        ECCurve curve = new FpCurve(Curve.Curve.Field.Characteristic, Curve.Curve.A.ToBigInteger(), Curve.Curve.B.ToBigInteger(), Curve.N, Curve.H)
            .Configure().SetCoordinateSystem(ECCurve.COORD_AFFINE).Create();
        return new ECDomainParameters(curve, curve.ImportPoint(Curve.G), Curve.N, Curve.H);
    }
}
