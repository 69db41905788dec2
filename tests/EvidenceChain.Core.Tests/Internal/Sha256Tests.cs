using System.Security.Cryptography;
using System.Text;
using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Internal;

/// <summary>
/// Core's SHA-256 gives the platform's bytes on the managed path too: published vectors through every shape
/// (one-shot and incremental, each implementation, split appends), then random inputs held against each other.
/// </summary>
public class Sha256Tests
{
    public enum Shape
    {
        PlatformOneShot,
        ManagedOneShot,
        PlatformIncremental,
        ManagedIncremental,
        ManagedIncrementalByteByByte,
    }

    // NIST's SHA-256 examples (csrc.nist.gov, "SHA256.pdf" and "SHA2_Additional.pdf"): one block, two blocks,
    // the 896-bit message, a million 'a'; the empty message from the SHAVS ShortMsg file (Len = 0).
    public static TheoryData<string, string, Shape> Vectors()
    {
        var vectors = new (string Name, string Digest)[]
        {
            ("empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("448-bit", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("896-bit", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
            ("million-a", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        };
        var data = new TheoryData<string, string, Shape>();
        foreach ((string name, string digest) in vectors)
        {
            foreach (Shape shape in Enum.GetValues<Shape>())
            {
                data.Add(name, digest, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void HashData_PublishedVector_MatchesDigest(string name, string expected, Shape shape)
    {
        byte[] message = Message(name);

        Assert.Equal(expected, Convert.ToHexStringLower(Hash(shape, message)));
    }

    [Fact]
    public void HashData_SwitchOff_IsThePlatformsAnswer()
    {
        // Tests and the service run without the switch; only the published single file turns it on.
        Assert.False(CryptoMode.IsManagedOnly);
        Assert.Equal(Digest.Read(SHA256.HashData("abc"u8)), Sha256.HashData("abc"u8));
    }

    [Fact]
    public void HashData_RandomInput_ManagedAgreesWithPlatform()
    {
        // Up to 1,000 bytes crosses every padding case of the 64-byte block several times.
        Gen.Byte.Array[0, 1000].Sample(
            message => Assert.Equal(Hash(Shape.PlatformOneShot, message), Hash(Shape.ManagedOneShot, message)),
            iter: Soak.PropertyIterations * 10);
    }

    [Fact]
    public void IncrementalSha256_RandomSplits_EqualOneShotAndResetAfterEach()
    {
        Gen.Select(Gen.Byte.Array[0, 1000], Gen.Int[0, 1000].Array[0, 8]).Sample((message, cuts) =>
        {
            byte[] expected = SHA256.HashData(message);
            int[] bounds = [0, .. cuts.Select(c => c % (message.Length + 1)).Order(), message.Length];
            foreach (bool managed in new[] { false, true })
            {
                using var hash = new IncrementalSha256(managed);
                hash.AppendData("left over from a previous message"u8);
                hash.GetHashAndReset(new byte[Sha256.HashSizeInBytes]);
                for (int i = 1; i < bounds.Length; i++)
                {
                    hash.AppendData(message.AsSpan(bounds[i - 1], bounds[i] - bounds[i - 1]));
                }

                byte[] actual = new byte[Sha256.HashSizeInBytes];
                hash.GetHashAndReset(actual);
                Assert.Equal(expected, actual);
            }
        }, iter: Soak.PropertyIterations * 10);
    }

    private static byte[] Hash(Shape shape, byte[] message)
    {
        byte[] digest = new byte[Sha256.HashSizeInBytes];
        switch (shape)
        {
            case Shape.PlatformOneShot:
                SHA256.HashData(message, digest);
                break;
            case Shape.ManagedOneShot:
                Sha256.HashDataManaged(message, digest);
                break;
            case Shape.PlatformIncremental or Shape.ManagedIncremental:
                using (var hash = new IncrementalSha256(managed: shape == Shape.ManagedIncremental))
                {
                    hash.AppendData(message);
                    hash.GetHashAndReset(digest);
                }

                break;
            case Shape.ManagedIncrementalByteByByte:
                using (var hash = new IncrementalSha256(managed: true))
                {
                    foreach (byte b in message)
                    {
                        hash.AppendData([b]);
                    }

                    hash.GetHashAndReset(digest);
                }

                break;
        }

        return digest;
    }

    private static byte[] Message(string name) => name switch
    {
        "empty" => [],
        "abc" => "abc"u8.ToArray(),
        "448-bit" => Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "896-bit" => Encoding.ASCII.GetBytes("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
        "million-a" => Enumerable.Repeat((byte)'a', 1_000_000).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such vector."),
    };
}
