using System.Security.Cryptography;
using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>
/// The responder: what a granted token holds, and each refusal as a TimeStampResp with the right status,
/// failure bit and text, parsed back with BouncyCastle's own response class.
/// </summary>
public sealed class TimestampAuthorityTests
{
    private static readonly DateTimeOffset s_now = TestPki.FixedNow;
    private static readonly byte[] s_sha256 = SHA256.HashData("data"u8);

    private readonly TimestampAuthority _tsa = TestTsa.Create(TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256));

    [Fact]
    public void Respond_RequestWithNonceAndCertReq_TokenCarriesBothAndTheDefaultPolicy()
    {
        TimeStampRequest request = Request(generator => generator.SetCertReq(true), nonce: 0x1234_5678_9abcL);

        TimeStampResponse response = Parse(Respond(request.GetEncoded()).ResponseDer);

        Assert.Equal((int)PkiStatus.Granted, response.Status);
        TimeStampToken token = response.TimeStampToken;
        Assert.Equal(BigInteger.ValueOf(0x1234_5678_9abcL), token.TimeStampInfo.Nonce);
        Assert.Equal(TestTsa.Policy, token.TimeStampInfo.Policy);
        Assert.Equal(s_sha256, token.TimeStampInfo.GetMessageImprintDigest());
        Assert.Single(token.GetCertificates().EnumerateMatches(null));
        Assert.Equal(500, token.TimeStampInfo.GenTimeAccuracy.Millis);
        // ESSCertIDv2 (RFC 5816), not the SHA-1 ESSCertID of BouncyCastle's simple constructor.
        Assert.True(token.SignedAttributes.TryGetFirst(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdAASigningCertificateV2, out _));
        Assert.False(token.SignedAttributes.TryGetFirst(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.IdAASigningCertificate, out _));
    }

    [Fact]
    public void Respond_RequestWithoutNonceOrCertReq_TokenCarriesNeither()
    {
        TimeStampRequest request = Request(generator => generator.SetCertReq(false), nonce: null);

        TimeStampToken token = Parse(Respond(request.GetEncoded()).ResponseDer).TimeStampToken;

        Assert.Null(token.TimeStampInfo.Nonce);
        Assert.Empty(token.GetCertificates().EnumerateMatches(null));
    }

    [Fact]
    public void Respond_RequestNamingTheServedPolicy_IsGranted()
    {
        TimeStampRequest request = Request(generator => generator.SetReqPolicy(new DerObjectIdentifier(TestTsa.Policy)));

        Assert.True(Respond(request.GetEncoded()).IsGranted);
    }

    [Fact]
    public void Respond_Sha1Imprint_RejectedWithBadAlg()
    {
        var generator = new TimeStampRequestGenerator();
        byte[] request = generator.Generate(OiwObjectIdentifiers.IdSha1, new byte[20]).GetEncoded();

        TimestampReply reply = Respond(request);

        AssertRejected(reply, TimestampRefusal.BadAlgorithm, PkiFailureInfo.BadAlg);
        Assert.Contains("SHA-1 is not accepted", reply.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_DigestOfTheWrongLength_RejectedWithBadDataFormat()
    {
        var generator = new TimeStampRequestGenerator();
        byte[] request = generator.Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, new byte[20]).GetEncoded();

        AssertRejected(Respond(request), TimestampRefusal.BadDataFormat, PkiFailureInfo.BadDataFormat);
    }

    [Fact]
    public void Respond_UnservedPolicy_RejectedWithUnacceptedPolicy()
    {
        TimestampRequest request = TimestampRequest.Create(TimestampImprint.FromDigest(TimestampHash.Sha256, s_sha256), RandomNumberGenerator.Fill, "1.2.3.4.5");

        TimestampReply reply = Respond(request.Der.ToArray());

        AssertRejected(reply, TimestampRefusal.UnacceptedPolicy, PkiFailureInfo.UnacceptedPolicy);
        Assert.Equal($"policy 1.2.3.4.5 is not served; this TSA issues under {TestTsa.Policy}", reply.StatusText);
        TimestampResponseVerdict answer = request.ReadResponse(reply.ResponseDer);
        Assert.Equal(TimestampResponseFailure.Rejected, answer.Failure);
        Assert.Contains("[unacceptedPolicy]", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_RequestExtension_RejectedWithUnacceptedExtension()
    {
        TimeStampRequest request = Request(generator => generator.AddExtension(new DerObjectIdentifier("1.2.3.4.6"), false, DerNull.Instance));

        AssertRejected(Respond(request.GetEncoded()), TimestampRefusal.UnacceptedExtension, PkiFailureInfo.UnacceptedExtension);
    }

    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "empty", [] },
        { "one byte", [0x30] },
        { "text", "POST /tsa HTTP/1.1"u8.ToArray() },
        { "a bare SEQUENCE", [0x30, 0x00] },
        { "an INTEGER", [0x02, 0x01, 0x01] },
        { "too long", new byte[TimestampAuthority.RequestLengthMaxBytes + 1] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Respond_Garbage_RejectedWithBadDataFormat(string what, byte[] request)
    {
        TimestampReply reply = Respond(request);

        AssertRejected(reply, TimestampRefusal.BadDataFormat, PkiFailureInfo.BadDataFormat);
        Assert.False(string.IsNullOrEmpty(reply.StatusText), what);
    }

    [Fact]
    public void Respond_ValidRequestTruncatedOrExtended_RejectedWithBadDataFormat()
    {
        byte[] request = Request(_ => { }).GetEncoded();

        AssertRejected(Respond(request[..^1]), TimestampRefusal.BadDataFormat, PkiFailureInfo.BadDataFormat);
        AssertRejected(Respond([.. request, 0x00]), TimestampRefusal.BadDataFormat, PkiFailureInfo.BadDataFormat);
    }

    [Fact]
    public void Respond_EveryByteOfARequestFlipped_AlwaysAnswersWithAParsableResponse()
    {
        byte[] request = Request(generator => generator.SetReqPolicy(new DerObjectIdentifier(TestTsa.Policy)), nonce: 77).GetEncoded();
        for (int i = 0; i < request.Length; i++)
        {
            byte[] flipped = (byte[])request.Clone();
            flipped[i] ^= 0xff;

            TimestampReply reply = Respond(flipped);

            TimeStampResponse response = Parse(reply.ResponseDer);
            Assert.Equal(reply.IsGranted, response.Status == (int)PkiStatus.Granted);
            Assert.Equal(reply.IsGranted, reply.TokenDer is not null);
        }
    }

    [Fact]
    public void Respond_NoClockReading_RejectedWithTimeNotAvailable()
    {
        TimestampReply reply = _tsa.Respond(Request(_ => { }).GetEncoded(), s_now, 1, lastReading: null);

        AssertRejected(reply, TimestampRefusal.ClockNotTrusted, PkiFailureInfo.TimeNotAvailable);
        Assert.Contains("not been compared with a reference", reply.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_ReferenceTwoSecondsAhead_RejectedWithTimeNotAvailable()
    {
        // A reference two seconds ahead of our clock, as if ours were slow: more than the 0.5 s allowed.
        var skewed = new ClockReading("skewed reference", s_now.AddSeconds(2), TimeSpan.Zero, s_now, s_now);

        TimestampReply reply = _tsa.Respond(Request(_ => { }).GetEncoded(), s_now, 1, skewed);

        AssertRejected(reply, TimestampRefusal.ClockNotTrusted, PkiFailureInfo.TimeNotAvailable);
        Assert.Contains("2 s off skewed reference", reply.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_AfterTheTsaCertificateExpired_RejectedWithSystemFailure()
    {
        DateTimeOffset later = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

        TimestampReply reply = _tsa.Respond(Request(_ => { }).GetEncoded(), later, 1, TestTsa.ReadingAt(later));

        AssertRejected(reply, TimestampRefusal.TsaCertificateNotValid, PkiFailureInfo.SystemFailure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Respond_SerialNotPositive_Throws(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tsa.Respond(Request(_ => { }).GetEncoded(), s_now, serial, TestTsa.ReadingAt(s_now)));
    }

    [Fact]
    public void Respond_SerialOf161Bits_Throws()
    {
        System.Numerics.BigInteger serial = System.Numerics.BigInteger.One << 160;

        Assert.Throws<ArgumentOutOfRangeException>(() => _tsa.Respond(Request(_ => { }).GetEncoded(), s_now, serial, TestTsa.ReadingAt(s_now)));
        Assert.True(_tsa.Respond(Request(_ => { }).GetEncoded(), s_now, serial - 1, TestTsa.ReadingAt(s_now)).IsGranted);
    }

    [Fact]
    public void Constructor_AccuracyTighterThanTheClockBound_Throws()
    {
        TsaCredential credential = TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256).Credential;

        Assert.Throws<ArgumentException>(() => new TimestampAuthority(credential, TestTsa.Policy, TimeSpan.FromMilliseconds(100), TestTsa.Guard));
        Assert.Throws<ArgumentException>(() => new TimestampAuthority(credential, "not an oid", TestTsa.Accuracy, TestTsa.Guard));
    }

    private TimestampReply Respond(byte[] request) => _tsa.Respond(request, s_now, TestTsa.RandomSerial(), TestTsa.ReadingAt(s_now));

    private static TimeStampRequest Request(Action<TimeStampRequestGenerator> configure, long? nonce = 1)
    {
        var generator = new TimeStampRequestGenerator();
        configure(generator);
        return nonce is { } value
            ? generator.Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, s_sha256, BigInteger.ValueOf(value))
            : generator.Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, s_sha256);
    }

    private static TimeStampResponse Parse(byte[] der) => new(der);

    private static void AssertRejected(TimestampReply reply, TimestampRefusal refusal, int failInfo)
    {
        Assert.Equal(refusal, reply.Refusal);
        Assert.Null(reply.TokenDer);
        TimeStampResponse response = Parse(reply.ResponseDer);
        Assert.Equal((int)PkiStatus.Rejection, response.Status);
        Assert.Equal(failInfo, response.GetFailInfo().IntValue);
        Assert.Equal(reply.StatusText, response.GetStatusString());
        Assert.Null(response.TimeStampToken);
    }
}
