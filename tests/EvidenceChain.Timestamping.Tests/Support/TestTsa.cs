using System.Numerics;
using System.Security.Cryptography;

namespace EvidenceChain.Timestamping.Tests.Support;

/// <summary>A TSA over a test PKI, with the policy, accuracy and clock readings the tests share.</summary>
internal static class TestTsa
{
    public const string Policy = "1.3.6.1.4.1.55555.1.1";

    public static readonly TimeSpan Accuracy = TimeSpan.FromMilliseconds(500);

    public static readonly ClockGuard Guard = new(skewMax: TimeSpan.FromMilliseconds(500), readingAgeMax: TimeSpan.FromMinutes(10));

    public static TimestampAuthority Create(TestPki pki) => new(pki.Credential, Policy, Accuracy, Guard);

    /// <summary>A reading that agrees exactly with our clock at <paramref name="now"/>: the clock is trusted.</summary>
    public static ClockReading ReadingAt(DateTimeOffset now) => new("test reference", now, TimeSpan.Zero, now, now);

    public static BigInteger RandomSerial() => new(RandomNumberGenerator.GetBytes(16), isUnsigned: true, isBigEndian: true);

    /// <summary>Asks <paramref name="tsa"/> to stamp <paramref name="data"/> at <paramref name="now"/> and returns the token, which must be granted.</summary>
    public static byte[] Stamp(TimestampAuthority tsa, byte[] data, DateTimeOffset now, TimestampHash hash = TimestampHash.Sha256)
    {
        TimestampRequest request = TimestampRequest.Create(TimestampImprint.Compute(hash, data), RandomNumberGenerator.Fill);
        TimestampReply reply = tsa.Respond(request.Der.Span, now, RandomSerial(), ReadingAt(now));
        Assert.True(reply.IsGranted, reply.StatusText);
        TimestampResponseVerdict answer = request.ReadResponse(reply.ResponseDer);
        Assert.True(answer.Answers, answer.ToString());
        return answer.TokenDer!;
    }
}
