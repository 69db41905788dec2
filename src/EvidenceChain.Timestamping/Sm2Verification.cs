using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;

namespace EvidenceChain.Timestamping;

/// <summary>
/// sm2p256v1 in affine coordinates, for verifying SM2 signatures (tokens, certificates, notes, PDFs). Turning
/// BouncyCastle's projective result affine blinds the inversion with a fresh SecureRandom, seeded from .NET's
/// RandomNumberGenerator, which on Linux is OpenSSL's: the court's single-file verifier would load OpenSSL for it
/// (docs/verifier.md). A verification handles public values only, so there is nothing to blind; affine points never
/// need the inversion, and measured faster besides.
/// </summary>
public static class Sm2Verification
{
    private static readonly X9ECParameters s_curve = GMNamedCurves.GetByName("sm2p256v1");

    public static ECDomainParameters Domain { get; } = AffineDomain();

    /// <summary>An SM2 public key moved onto <see cref="Domain"/>; any other key as it is.</summary>
    public static AsymmetricKeyParameter ForVerification(AsymmetricKeyParameter key) =>
        key is ECPublicKeyParameters ec && ec.Parameters.Curve.Equals(s_curve.Curve) && ec.Parameters.G.Equals(s_curve.G)
            ? new ECPublicKeyParameters(Domain.Curve.CreatePoint(ec.Q.AffineXCoord.ToBigInteger(), ec.Q.AffineYCoord.ToBigInteger()), Domain)
            : key;

    private static ECDomainParameters AffineDomain()
    {
        ECCurve curve = new FpCurve(s_curve.Curve.Field.Characteristic, s_curve.Curve.A.ToBigInteger(), s_curve.Curve.B.ToBigInteger(), s_curve.N, s_curve.H)
            .Configure().SetCoordinateSystem(ECCurve.COORD_AFFINE).Create();
        return new ECDomainParameters(curve, curve.ImportPoint(s_curve.G), s_curve.N, s_curve.H);
    }
}
