using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;

namespace EvidenceChain.Core.Notes;

/// <summary>The SM2 curve and the fixed parts of our SM2 key encoding (checkpoint.md §SM2 with SM3).</summary>
internal static class Sm2Parameters
{
    public const byte SignatureType = 0xff;
    public const string Identifier = "evidencechain/sm2-sm3/v1";
    public const int CoordinateLengthBytes = 32;
    public const int PointLengthBytes = 1 + (2 * CoordinateLengthBytes);
    public const int SignatureLengthBytes = 2 * CoordinateLengthBytes;
    public const int UserIdLengthMaxBytes = 255;

    public static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    public static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>
    /// The same curve in affine coordinates, for verifying. Turning BouncyCastle's projective result affine blinds the
    /// inversion with a fresh SecureRandom, seeded from .NET's RandomNumberGenerator, which on Linux is OpenSSL's: the
    /// court's single file would load OpenSSL for it (docs/verifier.md). Verification handles public values only, so
    /// there is nothing to blind; affine points never need the inversion, and measured faster besides.
    /// </summary>
    public static readonly ECDomainParameters VerificationDomain = AffineDomain(Curve);

    /// <summary><c>0xff ‖ identifier ‖ 0x00</c>: what every encoding starts with.</summary>
    public static readonly byte[] Prefix = [SignatureType, .. Encoding.ASCII.GetBytes(Identifier), 0x00];

    /// <summary>GM/T 0009's default user ID, stated explicitly in every v1 key.</summary>
    public static readonly byte[] DefaultUserId = Encoding.ASCII.GetBytes("1234567812345678");

    /// <summary>An SM2 public key moved onto <see cref="VerificationDomain"/>; any other key as it is.</summary>
    public static AsymmetricKeyParameter ForVerification(AsymmetricKeyParameter key) =>
        key is ECPublicKeyParameters ec && ec.Parameters.Curve.Equals(Curve.Curve) && ec.Parameters.G.Equals(Curve.G)
            ? new ECPublicKeyParameters(VerificationDomain.Curve.CreatePoint(ec.Q.AffineXCoord.ToBigInteger(), ec.Q.AffineYCoord.ToBigInteger()), VerificationDomain)
            : key;

    private static ECDomainParameters AffineDomain(X9ECParameters parameters)
    {
        ECCurve curve = new FpCurve(parameters.Curve.Field.Characteristic, parameters.Curve.A.ToBigInteger(), parameters.Curve.B.ToBigInteger(), parameters.N, parameters.H)
            .Configure().SetCoordinateSystem(ECCurve.COORD_AFFINE).Create();
        return new ECDomainParameters(curve, curve.ImportPoint(parameters.G), parameters.N, parameters.H);
    }
}
