using CsCheck;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Tests.Support;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core.Tests.Hashing;

/// <summary>
/// Our incremental SM3 against the published vectors (tests/vectors/sm3-vectors.json) and against
/// BouncyCastle's <see cref="SM3Digest"/> as the reference, over messages split at random points.
/// </summary>
public class Sm3StateTests
{
    private const int BlockSizeInBytes = 64;

    // Mostly up to three blocks and a few bytes, where padding and block boundaries matter; sometimes large.
    private static readonly Gen<byte[]> s_message = Gen.Frequency(
        (8, Gen.Byte.Array[0, (3 * BlockSizeInBytes) + 8]),
        (1, Gen.Byte.Array[1_000, 70_000]));

    private static readonly Gen<int[]> s_cuts = Gen.Int[0, int.MaxValue].Array[0, 6];

    public static TheoryData<string, string> Vectors() => Sm3Tests.Vectors();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Append_PublishedVectorInPieces_MatchesDigest(string id, string expected)
    {
        byte[] message = Sm3Tests.Message(id);
        foreach (int pieceLengthBytes in new[] { 1, 3, 63, 64, 65, 1000, int.MaxValue })
        {
            var state = default(Sm3State);
            for (int at = 0; at < message.Length; at += pieceLengthBytes)
            {
                state.Append(message.AsSpan(at, Math.Min(pieceLengthBytes, message.Length - at)));
            }

            Assert.Equal((ulong)message.Length, state.LengthBytes);
            Assert.Equal(expected, Finish(ref state).ToHex());
        }
    }

    [Fact]
    public void Append_RandomSplits_MatchesBouncyCastle()
    {
        Gen.Select(s_message, s_cuts).Sample((message, cuts) =>
        {
            Digest expected = BouncyCastleSm3(message);
            var state = default(Sm3State);

            AppendInPieces(ref state, message, cuts);
            Assert.Equal(expected, Finish(ref state));

            // Finish resets: the same state hashes the same message again to the same digest.
            AppendInPieces(ref state, message, cuts);
            Assert.Equal(expected, Finish(ref state));

            Assert.Equal(expected, Sm3.HashData(message));
        }, iter: Soak.PropertyIterations * 10);
    }

    [Fact]
    public void Reset_MidMessage_StartsAfresh()
    {
        Gen.Select(s_message, s_message).Sample((abandoned, message) =>
        {
            var state = default(Sm3State);
            state.Append(abandoned);
            state.Reset();
            state.Append(message);

            Assert.Equal(BouncyCastleSm3(message), Finish(ref state));
        }, iter: Soak.PropertyIterations);
    }

    [Fact]
    public void Finish_DefaultState_IsDigestOfEmptyMessage()
    {
        var state = default(Sm3State);

        Assert.Equal("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", Finish(ref state).ToHex());
    }

    [Fact]
    public void Finish_DestinationTooSmall_Throws()
    {
        var state = default(Sm3State);
        state.Append("abc"u8);

        Assert.Throws<ArgumentException>(() => state.Finish(new byte[Sm3.HashSizeInBytes - 1]));
    }

    private static void AppendInPieces(ref Sm3State state, byte[] message, int[] cuts)
    {
        int[] points = [.. cuts.Select(cut => cut % (message.Length + 1)).Order()];
        int at = 0;
        foreach (int point in points)
        {
            state.Append(message.AsSpan(at, point - at));
            at = point;
        }

        state.Append(message.AsSpan(at));
    }

    private static Digest Finish(ref Sm3State state)
    {
        Digest digest = default;
        state.Finish(Digest.AsWritableBytes(ref digest));
        return digest;
    }

    private static Digest BouncyCastleSm3(byte[] message)
    {
        var reference = new SM3Digest();
        reference.BlockUpdate(message);
        Digest digest = default;
        reference.DoFinal(Digest.AsWritableBytes(ref digest));
        return digest;
    }
}
