using CsCheck;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Tests.Support;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Core.Tests.Notes;

/// <summary>
/// The note verifier checks SM2 on an affine copy of sm2p256v1 (so it draws no randomness, see Sm2Parameters): it
/// must answer exactly as BouncyCastle's SM2 on the curve as published does.
/// </summary>
public class Sm2NoteVerifierTests
{
    private static readonly X9ECParameters s_curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECDomainParameters s_domain = new(s_curve);

    [Fact]
    public void Verify_RandomKeysUserIdsAndMessages_AgreesWithThePublishedCurve()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[0, 32], Gen.Byte.Array[0, 200], Gen.Int[0, 511]).Sample((secret, userId, message, flip) =>
        {
            BigInteger d = new BigInteger(1, secret).Mod(s_curve.N.Subtract(BigInteger.Two)).Add(BigInteger.One);
            byte[] point = s_curve.G.Multiply(d).Normalize().GetEncoded(compressed: false);
            var signer = new SM2Signer(PlainDsaEncoding.Instance);
            signer.Init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, s_domain), new SecureRandom()), userId));
            signer.BlockUpdate(message);
            byte[] signature = signer.GenerateSignature();
            Sm2NoteVerifier ours = Sm2NoteVerifier.Create("sm2.example", point, userId);

            Assert.True(ours.Verify(message, signature));
            signature[flip / 8] ^= (byte)(1 << (flip % 8));
            Assert.Equal(PublishedCurveVerifies(point, userId, message, signature), ours.Verify(message, signature));
            Assert.False(ours.Verify(message, signature));
        }, iter: Soak.PropertyIterations);
    }

    private static bool PublishedCurveVerifies(byte[] point, byte[] userId, byte[] message, byte[] signature)
    {
        var verifier = new SM2Signer(PlainDsaEncoding.Instance);
        verifier.Init(false, new ParametersWithID(new ECPublicKeyParameters(s_curve.Curve.DecodePoint(point), s_domain), userId));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature);
    }
}
