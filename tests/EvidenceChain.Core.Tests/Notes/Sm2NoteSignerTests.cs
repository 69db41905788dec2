using System.Text;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.Tests.Notes;

public class Sm2NoteSignerTests
{
    private const string Name = "notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256";

    [Fact]
    public void Sign_GbT32918Example_ReproducesPublishedSignature()
    {
        // GB/T 32918.2-2016 Annex A, recommended curve, ID "1234567812345678", M = "message digest",
        // with its nonce k fed through the random source (as bc-csharp's SM2SignerTest does).
        using Sm2NoteSigner signer = TestKeys.Sm2("gbt.example");

        byte[] signature = signer.Sign("message digest"u8);

        Assert.Equal("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", Convert.ToHexString(signature[..32]));
        Assert.Equal("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", Convert.ToHexString(signature[32..]));
    }

    [Fact]
    public void PublicKey_GbT32918Example_MatchesPublishedPoint()
    {
        using Sm2NoteSigner signer = TestKeys.Sm2("gbt.example");
        byte[] encoding = signer.Verifier.KeyEncoding.ToArray();

        Assert.Equal(
            "04" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13",
            Convert.ToHexString(encoding[^65..]));
        Assert.Equal("1234567812345678", Encoding.ASCII.GetString(((Sm2NoteVerifier)signer.Verifier).UserId));
    }

    [Fact]
    public void Verify_SignatureUnderOtherUserId_Fails()
    {
        using Sm2NoteSigner signer = TestKeys.Sm2Random(Name);
        byte[] message = "checkpoint\n"u8.ToArray();
        byte[] signature = signer.Sign(message);
        byte[] point = signer.Verifier.KeyEncoding.ToArray()[^65..];
        Sm2NoteVerifier emptyId = Sm2NoteVerifier.Create(Name, point, []);

        Assert.True(signer.Verifier.Verify(message, signature));
        Assert.False(emptyId.Verify(message, signature));
        Assert.NotEqual(signer.Verifier.KeyId, emptyId.KeyId);
    }

    [Fact]
    public void Verify_BouncyCastleDefaultIdSignature_Accepted()
    {
        // BouncyCastle's SM2Signer without ParametersWithID uses the GM/T 0009 default ID, the one
        // our v1 keys state: signatures made that way must verify under our key.
        using Sm2NoteSigner ours = TestKeys.Sm2Random(Name);
        var privateKey = new ECPrivateKeyParameters(new BigInteger(1, TestKeys.Sm2PrivateKey), Sm2Domain());
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, privateKey);
        byte[] message = "interop\n"u8.ToArray();
        signer.BlockUpdate(message, 0, message.Length);

        Assert.True(ours.Verifier.Verify(message, signer.GenerateSignature()));
    }

    [Fact]
    public void Sign_CheckpointText_VerifiesWithOpenSslPkeyutl()
    {
        using Sm2NoteSigner signer = TestKeys.Sm2Random(Name);
        string dir = Directory.CreateTempSubdirectory("ec-sm2-").FullName;
        try
        {
            byte[] message = Encoding.UTF8.GetBytes(Name + "\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
            byte[] signature = signer.Sign(message);
            var n = Sm2Domain().N;
            byte[] der = StandardDsaEncoding.Instance.Encode(n, new BigInteger(1, signature[..32]), new BigInteger(1, signature[32..]));
            File.WriteAllBytes(Path.Combine(dir, "msg"), message);
            File.WriteAllBytes(Path.Combine(dir, "sig.der"), der);
            File.WriteAllText(Path.Combine(dir, "pub.pem"), PublicKeyPem(signer));

            (int ok, string okOutput) = PkeyutlVerify(dir, "1234567812345678");
            (int otherId, _) = PkeyutlVerify(dir, "someone-else");

            Assert.True(ok == 0, okOutput);
            Assert.NotEqual(0, otherId);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void VerifierKey_RoundTrip_KeepsUserIdAndKeyId()
    {
        using Sm2NoteSigner signer = TestKeys.Sm2Random(Name);
        string text = signer.Verifier.ToVerifierKey();

        NoteVerifier parsed = NoteVerifierKey.Parse(text);

        Assert.IsType<Sm2NoteVerifier>(parsed);
        Assert.Equal(signer.KeyId, parsed.KeyId);
        Assert.Equal(text, parsed.ToVerifierKey());
        byte[] signature = signer.Sign("x\n"u8);
        Assert.True(parsed.Verify("x\n"u8, signature));
    }

    [Fact]
    public void Verify_WrongLengthSignature_False()
    {
        using Sm2NoteSigner signer = TestKeys.Sm2Random(Name);

        Assert.False(signer.Verifier.Verify("x\n"u8, new byte[63]));
        Assert.Equal(VerificationFailure.None, Verdict.Valid.Failure);
    }

    private static (int ExitCode, string Output) PkeyutlVerify(string dir, string distinguishingId) =>
        OpenSsl.Run("pkeyutl", "-verify", "-pubin", "-inkey", Path.Combine(dir, "pub.pem"), "-rawin",
            "-in", Path.Combine(dir, "msg"), "-sigfile", Path.Combine(dir, "sig.der"), "-digest", "sm3",
            "-pkeyopt", "distid:" + distinguishingId);

    private static string PublicKeyPem(Sm2NoteSigner signer)
    {
        byte[] point = signer.Verifier.KeyEncoding.ToArray()[^65..];
        var q = GMNamedCurves.GetByName("sm2p256v1").Curve.DecodePoint(point);
        var key = new ECPublicKeyParameters("EC", q, GMObjectIdentifiers.sm2p256v1);
        SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key);
        string base64 = Convert.ToBase64String(info.GetDerEncoded(), Base64FormattingOptions.InsertLineBreaks);
        return "-----BEGIN PUBLIC KEY-----\n" + base64.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n-----END PUBLIC KEY-----\n";
    }

    private static ECDomainParameters Sm2Domain()
    {
        var curve = GMNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
    }
}
