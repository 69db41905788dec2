using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Tests.Support;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Core.Tests.Access;

/// <summary>Party keys of both algorithms: what may be bound, fingerprints, and signature verification.</summary>
public class PartyKeyTests
{
    // GB/T 32918.2-2016 Annex A, recommended curve sm2p256v1: public key of d = 3945208F…C5B8,
    // user ID "1234567812345678", message "message digest", and its published signature (r, s).
    private const string GbtPoint = "04"
        + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
        + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";

    private const string GbtSignature = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
        + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

    // RFC 8032 §7.1 TEST 1: public key, empty message, signature.
    private const string Rfc8032Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Rfc8032Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static readonly byte[] s_message = "message digest"u8.ToArray();

    private static PartyKey GbtKey(string userId = PartyKey.Sm2DefaultUserIdText) =>
        new(PartyKeyAlgorithm.Sm2, Hex.Bytes(GbtPoint), Encoding.ASCII.GetBytes(userId), 1, null);

    [Fact]
    public void Verify_GbT32918Example_PublishedSignatureAccepted()
    {
        Assert.True(GbtKey().Verify(s_message, Hex.Bytes(GbtSignature)));
    }

    [Fact]
    public void Verify_Rfc8032Test1_PublishedSignatureAccepted()
    {
        var key = new PartyKey(Hex.Bytes(Rfc8032Public), 1, null);

        Assert.Equal(PartyKeyAlgorithm.Ed25519, key.Algorithm);
        Assert.True(key.Verify([], Hex.Bytes(Rfc8032Signature)));
        Assert.False(key.Verify("x"u8, Hex.Bytes(Rfc8032Signature)));
    }

    [Fact]
    public void Verify_Ed25519KeyThatIsNoPoint_FalseNotAnException()
    {
        // Ed25519 keys are checked for length only when bound (as before SM2); a key that does not
        // decode verifies nothing.
        Assert.False(new PartyKey(Enumerable.Repeat((byte)0xff, 32).ToArray(), 1, null).Verify([], Hex.Bytes(Rfc8032Signature)));
        Assert.False(new PartyKey(new byte[32], 1, null).Verify([], Hex.Bytes(Rfc8032Signature)));
    }

    [Fact]
    public void Verify_Sm2SignatureUnderAnotherUserId_Rejected()
    {
        Assert.False(GbtKey("ALICE123@YAHOO.COM").Verify(s_message, Hex.Bytes(GbtSignature)));
        Assert.NotEqual(GbtKey().Fingerprint, GbtKey("ALICE123@YAHOO.COM").Fingerprint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(63)]
    public void Verify_Sm2SignatureWithAFlippedBit_Rejected(int byteIndex)
    {
        byte[] forged = Hex.Bytes(GbtSignature);
        forged[byteIndex] ^= 0x01;

        Assert.False(GbtKey().Verify(s_message, forged));
    }

    [Fact]
    public void Verify_Sm2ForgeriesOfOtherShapes_Rejected()
    {
        byte[] signature = Hex.Bytes(GbtSignature);
        BigInteger n = GMNamedCurves.GetByName("sm2p256v1").N;
        byte[] der = StandardDsaEncoding.Instance.Encode(n, new BigInteger(1, signature[..32]), new BigInteger(1, signature[32..]));
        byte[] swapped = [.. signature[32..], .. signature[..32]];
        byte[] otherKey = new ECDomainParameters(GMNamedCurves.GetByName("sm2p256v1")).G.Multiply(BigInteger.Two).GetEncoded(false);

        Assert.False(GbtKey().Verify(s_message, der));
        Assert.False(GbtKey().Verify(s_message, swapped));
        Assert.False(GbtKey().Verify(s_message, new byte[64]));
        Assert.False(GbtKey().Verify(s_message, signature[..63]));
        Assert.False(GbtKey().Verify("message digesT"u8, signature));
        Assert.False(new PartyKey(PartyKeyAlgorithm.Sm2, otherKey, Encoding.ASCII.GetBytes(PartyKey.Sm2DefaultUserIdText), 1, null).Verify(s_message, signature));
    }

    [Fact]
    public void Verify_Ed25519SignatureAsSm2AndBack_Rejected()
    {
        // The same 64 bytes never verify under a key of the other algorithm.
        Assert.False(GbtKey().Verify([], Hex.Bytes(Rfc8032Signature)));
        Assert.False(new PartyKey(Hex.Bytes(Rfc8032Public), 1, null).Verify(s_message, Hex.Bytes(GbtSignature)));
    }

    [Fact]
    public void Verify_BouncyCastleSignatureUnderAnExplicitUserId_AcceptedUnderThatIdOnly()
    {
        (byte[] point, ECPrivateKeyParameters privateKey) = NewSm2Key();
        byte[] userId = Encoding.UTF8.GetBytes("enterprise-913701001234567890@jinan");
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), userId));
        byte[] message = "evidencechain request\n"u8.ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        byte[] signature = signer.GenerateSignature();

        Assert.True(new PartyKey(PartyKeyAlgorithm.Sm2, point, userId, 1, null).Verify(message, signature));
        Assert.False(new PartyKey(PartyKeyAlgorithm.Sm2, point, Encoding.ASCII.GetBytes(PartyKey.Sm2DefaultUserIdText), 1, null).Verify(message, signature));
    }

    [Fact]
    public void Verify_OpenSslSignatureWithDistinguishingId_Accepted()
    {
        // OpenSSL 3 as an independent SM2 implementation: it makes the key and signs (SM3, with the
        // user ID as its distinguishing ID); we read its public point and convert its DER (r, s).
        string dir = Directory.CreateTempSubdirectory("ec-party-sm2-").FullName;
        try
        {
            string keyPem = Path.Combine(dir, "key.pem");
            string pubPem = Path.Combine(dir, "pub.pem");
            string messagePath = Path.Combine(dir, "msg");
            string signaturePath = Path.Combine(dir, "sig.der");
            byte[] message = "signed by openssl\n"u8.ToArray();
            File.WriteAllBytes(messagePath, message);
            AssertRan(OpenSsl.Run("genpkey", "-algorithm", "SM2", "-out", keyPem));
            AssertRan(OpenSsl.Run("pkey", "-in", keyPem, "-pubout", "-out", pubPem));
            AssertRan(OpenSsl.Run("pkeyutl", "-sign", "-inkey", keyPem, "-rawin", "-in", messagePath, "-out", signaturePath,
                "-digest", "sm3", "-pkeyopt", "distid:court@example.cn"));

            var publicKey = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(PemBody(File.ReadAllText(pubPem)));
            byte[] point = publicKey.Q.GetEncoded(false);
            BigInteger n = GMNamedCurves.GetByName("sm2p256v1").N;
            BigInteger[] rs = StandardDsaEncoding.Instance.Decode(n, File.ReadAllBytes(signaturePath));
            byte[] signature = [.. rs[0].ToByteArrayUnsigned().PadLeft(32), .. rs[1].ToByteArrayUnsigned().PadLeft(32)];

            Assert.True(new PartyKey(PartyKeyAlgorithm.Sm2, point, "court@example.cn"u8.ToArray(), 1, null).Verify(message, signature));
            Assert.False(new PartyKey(PartyKeyAlgorithm.Sm2, point, Encoding.ASCII.GetBytes(PartyKey.Sm2DefaultUserIdText), 1, null).Verify(message, signature));
            Assert.False(new PartyKey(PartyKeyAlgorithm.Sm2, point, "court@example.cn"u8.ToArray(), 1, null).Verify(message, File.ReadAllBytes(signaturePath)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Fingerprint_Ed25519_UnchangedFromCommitmentDoc()
    {
        // commitment.md's worked example: RFC 8032 §7.1 TEST 2's public key.
        var key = new PartyKey(Hex.Bytes("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), 1, null);

        Assert.Equal("f1cde99f5266a116e0235e170f3fcd1a679732480eb5c1ecf4f179d02c72fbb8", key.Fingerprint.ToHex());
    }

    [Fact]
    public void Fingerprint_Sm2_IsTheSha256OfTheNoteKeyEncodingAsInCommitmentDoc()
    {
        PartyKey key = GbtKey();
        Sm2NoteVerifier noteKey = Sm2NoteVerifier.Create("any.example", Hex.Bytes(GbtPoint), key.Sm2UserId);

        Assert.Equal(noteKey.Fingerprint, key.Fingerprint.ToHex());
        Assert.Equal(SpelledOut(key), key.Fingerprint.ToHex());
        Assert.Contains(key.Fingerprint.ToHex(), File.ReadAllText(RepoPaths.Doc("formats/commitment.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_NoEd25519KeyCollidesWithTheSm2PointItsBytesStartWith()
    {
        // Type bytes differ (0x01, 0xff ‖ identifier): equal key bytes give different fingerprints.
        byte[] point = Hex.Bytes(GbtPoint);

        Assert.NotEqual(PartyCommitment.FingerprintEd25519(point[1..33]), PartyCommitment.FingerprintSm2(point, []));
    }

    [Fact]
    public void Check_EveryRuleBroken_NamedInOrder()
    {
        byte[] point = Hex.Bytes(GbtPoint);
        byte[] offCurve = (byte[])point.Clone();
        offCurve[^1] ^= 0x01;
        byte[] compressed = [0x02, .. point[1..]];
        byte[] origin = [0x04, .. new byte[64]];
        byte[] id = "1234567812345678"u8.ToArray();

        Assert.Equal(PartyKeyRejection.None, PartyKey.Check(PartyKeyAlgorithm.Sm2, point, id));
        Assert.Equal(PartyKeyRejection.None, PartyKey.Check(PartyKeyAlgorithm.Sm2, point, new byte[255]));
        Assert.Equal(PartyKeyRejection.None, PartyKey.Check(PartyKeyAlgorithm.Ed25519, new byte[32], []));
        Assert.Equal(PartyKeyRejection.AlgorithmUnknown, PartyKey.Check(0, new byte[32], []));
        Assert.Equal(PartyKeyRejection.AlgorithmUnknown, PartyKey.Check((PartyKeyAlgorithm)3, point, id));
        Assert.Equal(PartyKeyRejection.Ed25519KeyMustBe32Bytes, PartyKey.Check(PartyKeyAlgorithm.Ed25519, new byte[31], []));
        Assert.Equal(PartyKeyRejection.Ed25519KeyMustBe32Bytes, PartyKey.Check(PartyKeyAlgorithm.Ed25519, point, []));
        Assert.Equal(PartyKeyRejection.UserIdOnlyForSm2, PartyKey.Check(PartyKeyAlgorithm.Ed25519, new byte[32], id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBe65Bytes, PartyKey.Check(PartyKeyAlgorithm.Sm2, point[..64], id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBe65Bytes, PartyKey.Check(PartyKeyAlgorithm.Sm2, point[..33], id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBeUncompressedPoint, PartyKey.Check(PartyKeyAlgorithm.Sm2, compressed, id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBeOnCurve, PartyKey.Check(PartyKeyAlgorithm.Sm2, offCurve, id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBeOnCurve, PartyKey.Check(PartyKeyAlgorithm.Sm2, origin, id));
        Assert.Equal(PartyKeyRejection.Sm2KeyMustBeOnCurve, PartyKey.Check(PartyKeyAlgorithm.Sm2, [0x04, .. Enumerable.Repeat((byte)0xff, 64)], id));
        Assert.Equal(PartyKeyRejection.Sm2UserIdTooLong, PartyKey.Check(PartyKeyAlgorithm.Sm2, point, new byte[256]));
        Assert.Equal(PartyKeyRejection.Sm2UserIdMustNotBeEmpty, PartyKey.Check(PartyKeyAlgorithm.Sm2, point, []));
        Assert.Throws<ArgumentException>(() => new PartyKey(PartyKeyAlgorithm.Sm2, offCurve, id, 1, null));
        Assert.Throws<ArgumentException>(() => new PartyKey(new byte[33], 1, null));
    }

    [Fact]
    public void TryCreate_Sm2WithoutUserId_GetsTheGbTDefault()
    {
        PartyKeyRejection rejection = PartyKey.TryCreate(PartyKeyAlgorithm.Sm2, Hex.Bytes(GbtPoint), [], 7, out PartyKey? key);

        Assert.Equal(PartyKeyRejection.None, rejection);
        Assert.Equal("1234567812345678", Encoding.ASCII.GetString(key!.Sm2UserId));
        Assert.Equal((7L, (long?)null), (key.AddedAtMs, key.RevokedAtMs));
        Assert.Equal(GbtKey().Fingerprint, key.Fingerprint);
        Assert.True(key.Verify(s_message, Hex.Bytes(GbtSignature)));
    }

    [Fact]
    public void TryCreate_BadKey_RejectionAndNoKey()
    {
        PartyKeyRejection rejection = PartyKey.TryCreate(PartyKeyAlgorithm.Sm2, Hex.Bytes(GbtPoint), new byte[256], 7, out PartyKey? key);

        Assert.Equal(PartyKeyRejection.Sm2UserIdTooLong, rejection);
        Assert.Null(key);
    }

    [Fact]
    public void IsValidAt_RevokedSm2Key_OldSignaturesStillVerifyAndTheirTimeStaysValid()
    {
        PartyKey key = GbtKey() with { AddedAtMs = 100 };
        PartyKey revoked = key with { RevokedAtMs = 200 };

        Assert.Equal(key.Fingerprint, revoked.Fingerprint);
        Assert.True(revoked.Verify(s_message, Hex.Bytes(GbtSignature)));
        Assert.False(revoked.IsValidAt(99));
        Assert.True(revoked.IsValidAt(100));
        Assert.True(revoked.IsValidAt(199));
        Assert.False(revoked.IsValidAt(200));
    }

    [Fact]
    public void DescribeUserId_PrintableOrHex()
    {
        Assert.Equal("1234567812345678", PartyKey.DescribeUserId("1234567812345678"u8));
        Assert.Equal("hex:00ff", PartyKey.DescribeUserId([0x00, 0xff]));
    }

    private static string SpelledOut(PartyKey key)
    {
        byte[] preimage = [0xff, .. "evidencechain/sm2-sm3/v1"u8, 0x00, (byte)key.Sm2UserId.Length, .. key.Sm2UserId, .. key.PublicKey];
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(preimage));
    }

    private static (byte[] Point, ECPrivateKeyParameters PrivateKey) NewSm2Key()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECDomainParameters(GMNamedCurves.GetByName("sm2p256v1")), new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
        return (((ECPublicKeyParameters)pair.Public).Q.GetEncoded(false), (ECPrivateKeyParameters)pair.Private);
    }

    private static byte[] PemBody(string pem) =>
        Convert.FromBase64String(string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal))));

    private static void AssertRan((int ExitCode, string Output) result) => Assert.True(result.ExitCode == 0, result.Output);
}

file static class PaddingExtensions
{
    public static byte[] PadLeft(this byte[] bytes, int lengthBytes) =>
        bytes.Length >= lengthBytes ? bytes : [.. new byte[lengthBytes - bytes.Length], .. bytes];
}
