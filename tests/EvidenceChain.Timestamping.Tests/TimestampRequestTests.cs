using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>The requester: its request, and the check that a response answers that request and no other.</summary>
public sealed class TimestampRequestTests
{
    private static readonly DateTimeOffset s_now = TestPki.FixedNow;
    private static readonly TimestampImprint s_imprint = TimestampImprint.Compute(TimestampHash.Sha256, "data"u8);

    private readonly TimestampAuthority _tsa = TestTsa.Create(TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256));

    [Fact]
    public void Create_Request_CarriesTheImprintTheNonceAndCertReq()
    {
        TimestampRequest request = TimestampRequest.Create(s_imprint, Fill(0xab));

        var parsed = new TimeStampRequest(request.Der.ToArray());
        Assert.Equal(s_imprint.Digest.ToArray(), parsed.GetMessageImprintDigest());
        Assert.Equal("2.16.840.1.101.3.4.2.1", parsed.MessageImprintAlgOid);
        Assert.Equal(new BigInteger(1, Enumerable.Repeat((byte)0xab, TimestampRequest.NonceLengthBytes).ToArray()), parsed.Nonce);
        Assert.True(parsed.CertReq);
        Assert.Null(parsed.ReqPolicy);
    }

    [Fact]
    public void Create_Sm3Imprint_NamesSm3()
    {
        TimestampRequest request = TimestampRequest.Create(TimestampImprint.Compute(TimestampHash.Sm3, "data"u8), Fill(1), TestTsa.Policy);

        var parsed = new TimeStampRequest(request.Der.ToArray());
        Assert.Equal("1.2.156.10197.1.401", parsed.MessageImprintAlgOid);
        Assert.Equal(TestTsa.Policy, parsed.ReqPolicy);
    }

    [Fact]
    public void ReadResponse_AnswerToThisRequest_ReturnsTheToken()
    {
        TimestampRequest request = TimestampRequest.Create(s_imprint, Fill(7), TestTsa.Policy);

        TimestampResponseVerdict answer = request.ReadResponse(Respond(request.Der.ToArray()));

        Assert.True(answer.Answers, answer.ToString());
        Assert.True(TestPki.Fixed(TsaKeyAlgorithm.EcdsaP256).Verifier().Verify(answer.TokenDer, s_imprint).IsValid);
    }

    [Fact]
    public void ReadResponse_AnswerToAnotherNonce_WrongNonce()
    {
        TimestampRequest mine = TimestampRequest.Create(s_imprint, Fill(1));
        TimestampRequest other = TimestampRequest.Create(s_imprint, Fill(2));

        TimestampResponseVerdict answer = mine.ReadResponse(Respond(other.Der.ToArray()));

        Assert.Equal(TimestampResponseFailure.WrongNonce, answer.Failure);
        Assert.Null(answer.TokenDer);
    }

    [Fact]
    public void ReadResponse_AnswerWithoutNonce_WrongNonce()
    {
        TimestampRequest mine = TimestampRequest.Create(s_imprint, Fill(1));
        byte[] withoutNonce = new TimeStampRequestGenerator().Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, s_imprint.Digest.ToArray()).GetEncoded();

        Assert.Equal(TimestampResponseFailure.WrongNonce, mine.ReadResponse(Respond(withoutNonce)).Failure);
    }

    [Fact]
    public void ReadResponse_AnswerForAnotherImprint_WrongImprint()
    {
        TimestampRequest mine = TimestampRequest.Create(s_imprint, Fill(1));
        TimestampImprint otherImprint = TimestampImprint.Compute(TimestampHash.Sha256, "other"u8);
        byte[] sameNonceOtherImprint = new TimeStampRequestGenerator()
            .Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, otherImprint.Digest.ToArray(), new BigInteger(1, Enumerable.Repeat((byte)1, 16).ToArray()))
            .GetEncoded();

        TimestampResponseVerdict answer = mine.ReadResponse(Respond(sameNonceOtherImprint));

        Assert.Equal(TimestampResponseFailure.WrongImprint, answer.Failure);
        Assert.Contains(otherImprint.ToString(), answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_SameDigestUnderAnotherAlgorithm_WrongImprint()
    {
        TimestampImprint asSha256 = TimestampImprint.FromDigest(TimestampHash.Sha256, new byte[32]);
        TimestampImprint asSm3 = TimestampImprint.FromDigest(TimestampHash.Sm3, new byte[32]);
        TimestampRequest mine = TimestampRequest.Create(asSha256, Fill(1));
        TimestampRequest sm3 = TimestampRequest.Create(asSm3, Fill(1));

        Assert.Equal(TimestampResponseFailure.WrongImprint, mine.ReadResponse(Respond(sm3.Der.ToArray())).Failure);
    }

    [Fact]
    public void ReadResponse_Rejection_RejectedWithTheTsaText()
    {
        TimestampRequest request = TimestampRequest.Create(s_imprint, Fill(1));

        TimestampResponseVerdict answer = request.ReadResponse(_tsa.Respond(request.Der.Span, s_now, 1, lastReading: null).ResponseDer);

        Assert.Equal(TimestampResponseFailure.Rejected, answer.Failure);
        Assert.Contains("[timeNotAvailable]", answer.Detail, StringComparison.Ordinal);
        Assert.Contains("not been compared with a reference", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_TokenWithoutCertificate_CertificateMissing()
    {
        TimestampRequest mine = TimestampRequest.Create(s_imprint, Fill(1));
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(false);
        byte[] noCertReq = generator.Generate(Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, s_imprint.Digest.ToArray(), new BigInteger(1, Enumerable.Repeat((byte)1, 16).ToArray())).GetEncoded();

        Assert.Equal(TimestampResponseFailure.CertificateMissing, mine.ReadResponse(Respond(noCertReq)).Failure);
    }

    [Fact]
    public void ReadResponse_Garbage_Malformed()
    {
        TimestampRequest request = TimestampRequest.Create(s_imprint, Fill(1));

        Assert.Equal(TimestampResponseFailure.Malformed, request.ReadResponse([0x30, 0x03, 0x02, 0x01]).Failure);
        Assert.Equal(TimestampResponseFailure.Malformed, request.ReadResponse(new DerSequence().GetEncoded()).Failure);
    }

    private byte[] Respond(byte[] request) => _tsa.Respond(request, s_now, TestTsa.RandomSerial(), TestTsa.ReadingAt(s_now)).ResponseDer;

    /// <summary>A nonce source that always draws the same byte, so two requests can share a nonce on purpose.</summary>
    private static NonceSource Fill(byte value) => destination => destination.Fill(value);
}
