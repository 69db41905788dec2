using System.Text;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;

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

    /// <summary>The same curve in affine coordinates, for verifying without randomness (<see cref="Sm2Verification"/>).</summary>
    public static ECDomainParameters VerificationDomain => Sm2Verification.Domain;

    /// <summary><c>0xff ‖ identifier ‖ 0x00</c>: what every encoding starts with.</summary>
    public static readonly byte[] Prefix = [SignatureType, .. Encoding.ASCII.GetBytes(Identifier), 0x00];

    /// <summary>GM/T 0009's default user ID, stated explicitly in every v1 key.</summary>
    public static readonly byte[] DefaultUserId = Encoding.ASCII.GetBytes("1234567812345678");
}
