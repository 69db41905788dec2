using System.Numerics;
using CsCheck;
using EvidenceChain.Core.Tests.Support;
using NSec.Cryptography;

namespace EvidenceChain.Core.Tests.Internal;

/// <summary>
/// Core's Ed25519 verification answers as NSec (libsodium) does on the managed path too: RFC 8032's vectors,
/// random signatures and their corruptions, and the encodings strict verifiers refuse.
/// </summary>
public class Ed25519SignatureTests
{
    // The order of the base point, L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1).
    private static readonly BigInteger s_order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    // RFC 8032 §7.1 TEST 1, 2 and 3: public key, message, signature.
    public static TheoryData<string, string, string> Vectors() => new()
    {
        {
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_Rfc8032Vector_BothAccept_AndBothRefuseAnotherMessage(string publicKeyHex, string messageHex, string signatureHex)
    {
        byte[] publicKey = Convert.FromHexString(publicKeyHex);
        byte[] message = Convert.FromHexString(messageHex);
        byte[] signature = Convert.FromHexString(signatureHex);
        byte[] other = [.. message, 0x00];

        Assert.True(Ed25519Signature.VerifyPlatform(publicKey, message, signature));
        Assert.True(Ed25519Signature.VerifyManaged(publicKey, message, signature));
        Assert.True(Ed25519Signature.Verify(publicKey, message, signature));
        Assert.False(Ed25519Signature.VerifyPlatform(publicKey, other, signature));
        Assert.False(Ed25519Signature.VerifyManaged(publicKey, other, signature));
    }

    [Fact]
    public void Verify_RandomKeysAndMessages_BothAccept_AndAgreeOnEveryFlippedBit()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[0, 300], Gen.Int[0, ((32 + 64) * 8) - 1]).Sample((seed, message, flip) =>
        {
            using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
            byte[] publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            byte[] signature = SignatureAlgorithm.Ed25519.Sign(key, message);
            Assert.True(Ed25519Signature.VerifyManaged(publicKey, message, signature));
            Assert.True(Ed25519Signature.VerifyPlatform(publicKey, message, signature));

            // One bit of the key or of the signature, then one of the message when there is one.
            byte[] keyAndSignature = [.. publicKey, .. signature];
            keyAndSignature[flip / 8] ^= (byte)(1 << (flip % 8));
            AssertBothRefuse(keyAndSignature[..32], message, keyAndSignature[32..]);
            if (message.Length > 0)
            {
                byte[] changed = [.. message];
                changed[flip % changed.Length] ^= 0x01;
                AssertBothRefuse(publicKey, changed, signature);
            }
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void Verify_SPlusOrder_BothRefuse()
    {
        // RFC 8032 §5.1.7 requires 0 <= S < L; S + L passes the group equation, so a lax verifier would accept it.
        using var key = Key.Import(SignatureAlgorithm.Ed25519, TestKeys.Ed25519Seed, KeyBlobFormat.RawPrivateKey);
        byte[] message = "evidencechain"u8.ToArray();
        byte[] signature = SignatureAlgorithm.Ed25519.Sign(key, message);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true);
        byte[] malleable = [.. signature[..32], .. (s + s_order).ToByteArray(isUnsigned: true).Concat(new byte[32]).Take(32)];

        AssertBothRefuse(TestKeys.Ed25519Public, message, malleable);
    }

    [Theory]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // the neutral element, order 1
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // y = 0, a point of order 4
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p - 1, order 2
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p: not canonical
    public void Verify_SmallOrderOrNonCanonicalKey_TrivialSignature_BothRefuse(string publicKeyHex)
    {
        // R = the neutral element and S = 0 satisfy [S]B = R + [k]A for any A of small order: only the key checks refuse it.
        byte[] signature = [0x01, .. new byte[31], .. new byte[32]];

        AssertBothRefuse(Convert.FromHexString(publicKeyHex), "any message"u8.ToArray(), signature);
    }

    private static void AssertBothRefuse(byte[] publicKey, byte[] message, byte[] signature)
    {
        Assert.False(Ed25519Signature.VerifyPlatform(publicKey, message, signature));
        Assert.False(Ed25519Signature.VerifyManaged(publicKey, message, signature));
    }
}
