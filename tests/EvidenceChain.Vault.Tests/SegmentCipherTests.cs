using EvidenceChain.Vault.Internal;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// The two AEADs under the vault, each against its published vector, through the same
/// <see cref="SegmentCipher"/> the writer and reader use (one contract, every algorithm).
/// </summary>
public sealed class SegmentCipherTests
{
    /// <summary>(algorithm, key, nonce, associated data, plaintext, ciphertext ‖ tag), all hex; the source is in each row's comment.</summary>
    public static readonly TheoryData<VaultAlgorithm, string, string, string, string, string> Vectors = new()
    {
        // draft-irtf-cfrg-xchacha-03 §A.3.1 (AEAD_XChaCha20_Poly1305).
        {
            VaultAlgorithm.XChaCha20Poly1305,
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
            "404142434445464748494a4b4c4d4e4f5051525354555657",
            "50515253c0c1c2c3c4c5c6c7",
            Convert.ToHexStringLower("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."u8),
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
            + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e"
            + "c0875924c1c7987947deafd8780acf49"
        },

        // RFC 8998 Appendix A.1 (SM4-GCM); also reproduced here with Python cryptography 48 over OpenSSL 4.0.
        {
            VaultAlgorithm.Sm4Gcm,
            "0123456789abcdeffedcba9876543210",
            "00001234567800000000abcd",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa",
            "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
            + "83de3541e4c2b58177e065a9bf7b62ec"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Seal_PublishedVector_MatchesCiphertextAndTag(VaultAlgorithm algorithm, string key, string nonce, string associatedData, string plaintext, string expected)
    {
        using VaultKey vaultKey = VaultKey.Import(algorithm, Convert.FromHexString(key));
        using SegmentCipher cipher = vaultKey.CreateCipher();
        byte[] input = Convert.FromHexString(plaintext);
        byte[] output = new byte[input.Length + VaultFormat.TagLengthBytes];

        cipher.Seal(Convert.FromHexString(nonce), Convert.FromHexString(associatedData), input, output);

        Assert.Equal(expected, Convert.ToHexStringLower(output));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryOpen_PublishedVector_GivesThePlaintext(VaultAlgorithm algorithm, string key, string nonce, string associatedData, string plaintext, string sealedHex)
    {
        using VaultKey vaultKey = VaultKey.Import(algorithm, Convert.FromHexString(key));
        using SegmentCipher cipher = vaultKey.CreateCipher();
        byte[] input = Convert.FromHexString(sealedHex);
        byte[] output = new byte[input.Length - VaultFormat.TagLengthBytes];

        Assert.True(cipher.TryOpen(Convert.FromHexString(nonce), Convert.FromHexString(associatedData), input, output));
        Assert.Equal(plaintext, Convert.ToHexStringLower(output));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryOpen_FlippedTagBitOrOtherAssociatedData_ReturnsFalse(VaultAlgorithm algorithm, string key, string nonce, string associatedData, string plaintext, string sealedHex)
    {
        using VaultKey vaultKey = VaultKey.Import(algorithm, Convert.FromHexString(key));
        using SegmentCipher cipher = vaultKey.CreateCipher();
        byte[] input = Convert.FromHexString(sealedHex);
        byte[] output = new byte[input.Length - VaultFormat.TagLengthBytes];
        byte[] flipped = (byte[])input.Clone();
        flipped[^1] ^= 0x80;
        byte[] otherData = Convert.FromHexString(associatedData);
        otherData[0] ^= 1;

        Assert.False(cipher.TryOpen(Convert.FromHexString(nonce), Convert.FromHexString(associatedData), flipped, output));
        Assert.False(cipher.TryOpen(Convert.FromHexString(nonce), otherData, input, output));
        Assert.True(cipher.TryOpen(Convert.FromHexString(nonce), Convert.FromHexString(associatedData), input, output), "a failure leaves the cipher usable");
        Assert.Equal(plaintext, Convert.ToHexStringLower(output));
    }
}
