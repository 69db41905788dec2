using System.Security.Cryptography;
using System.Text;
using CsCheck;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Internal;

/// <summary>Core's HMAC-SHA256 gives the platform's bytes on the managed path too: RFC 4231's vectors, then random keys and messages.</summary>
public class HmacSha256Tests
{
    // RFC 4231 §4.2-§4.8, test cases 1 to 7 (case 5 is truncated to 128 bits: only its first 16 bytes are published).
    public static TheoryData<string, string, string, bool> Vectors() => new()
    {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", false },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", false },
        { Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe", false },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b", false },
        { Repeat("0c", 20), Hex("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b", true },
        { Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", false },
        {
            Repeat("aa", 131),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            false
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void HashData_Rfc4231Vector_BothImplementationsMatch(string keyHex, string dataHex, string expected, bool truncated)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] data = Convert.FromHexString(dataHex);
        byte[] platform = new byte[Sha256.HashSizeInBytes];
        byte[] managed = new byte[Sha256.HashSizeInBytes];

        HMACSHA256.HashData(key, data, platform);
        HmacSha256.HashDataManaged(key, data, managed);
        byte[] facade = new byte[Sha256.HashSizeInBytes];
        HmacSha256.HashData(key, data, facade);

        int lengthBytes = truncated ? 16 : Sha256.HashSizeInBytes;
        Assert.Equal(expected, Convert.ToHexStringLower(platform.AsSpan(0, lengthBytes)));
        Assert.Equal(expected, Convert.ToHexStringLower(managed.AsSpan(0, lengthBytes)));
        Assert.Equal(platform, facade);
    }

    [Fact]
    public void HashData_RandomKeyAndMessage_ManagedAgreesWithPlatform()
    {
        // Keys up to 200 bytes: shorter than, equal to and longer than SHA-256's 64-byte block (hashed first).
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Byte.Array[0, 300]).Sample((key, message) =>
        {
            byte[] managed = new byte[Sha256.HashSizeInBytes];
            HmacSha256.HashDataManaged(key, message, managed);
            Assert.Equal(HMACSHA256.HashData(key, message), managed);
        }, iter: Soak.PropertyIterations * 10);
    }

    private static string Hex(string ascii) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(ascii));

    private static string Repeat(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));
}
