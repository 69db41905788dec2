using System.Numerics;
using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace EvidenceChain.Timestamping;

/// <summary>
/// An RFC 3161 time-stamp authority without I/O: a DER TimeStampReq, the current time, a serial number and
/// the last clock reading go in; a DER TimeStampResp comes out, granted or rejected, and no malformed
/// request makes it throw. Requests are checked in the order of <see cref="TimestampRefusal"/>.
/// <para>
/// A granted token is CMS SignedData over a TSTInfo: the request's imprint and nonce, this TSA's policy,
/// genTime to the millisecond, and the configured accuracy. Its signer info carries a signing-certificate-v2
/// attribute (RFC 5816) binding the certificate with SHA-256 (SM3 for SM2), never the SHA-1 ESSCertID that
/// BouncyCastle's simple generator constructor makes. The certificate is included when the request sets
/// certReq. Safe to call from many threads at once.
/// </para>
/// </summary>
public sealed class TimestampAuthority
{
    /// <summary>The longest request read; a TimeStampReq with a SHA-512 imprint, a policy and a nonce is about 120 bytes.</summary>
    public const int RequestLengthMaxBytes = 4096;

    /// <summary>RFC 3161 §2.4.2: serial numbers up to 160 bits must be supported by requesters, so none longer is issued.</summary>
    public const int SerialNumberBitsMax = 160;

    private readonly TimeStampTokenGenerator _generator;
    private readonly ClockGuard _clockGuard;

    /// <param name="credential">The TSA's key and certificate.</param>
    /// <param name="policyOid">The policy tokens are issued under (dotted decimal): the default for requests that name none, and the only one served.</param>
    /// <param name="accuracy">The accuracy every token states: whole microseconds, positive, at least the clock guard's skew bound.</param>
    /// <param name="clockGuard">When the clock may be trusted to issue.</param>
    /// <exception cref="ArgumentException">The policy is not an OID, or the accuracy is not whole microseconds or is tighter than the clock guard can vouch for.</exception>
    public TimestampAuthority(TsaCredential credential, string policyOid, TimeSpan accuracy, ClockGuard clockGuard)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(clockGuard);
        if (!DerObjectIdentifier.TryFromID(policyOid, out DerObjectIdentifier? policy))
        {
            throw new ArgumentException($"'{policyOid}' is not an object identifier in dotted decimal.", nameof(policyOid));
        }

        if (accuracy <= TimeSpan.Zero || accuracy.Ticks % TimeSpan.TicksPerMicrosecond != 0)
        {
            throw new ArgumentException($"The accuracy must be a positive whole number of microseconds, not {accuracy}.", nameof(accuracy));
        }

        // A token claiming ±1 s from a clock allowed to be 5 s off would state a false accuracy.
        if (accuracy < clockGuard.SkewMax)
        {
            throw new ArgumentException($"The stated accuracy {accuracy} is tighter than the clock guard's bound {clockGuard.SkewMax}.", nameof(accuracy));
        }

        Credential = credential;
        PolicyOid = policy.Id;
        Accuracy = accuracy;
        _clockGuard = clockGuard;
        _generator = CreateGenerator(credential, policy, accuracy);
    }

    public TsaCredential Credential { get; }

    public string PolicyOid { get; }

    public TimeSpan Accuracy { get; }

    /// <summary>Answers one request.</summary>
    /// <param name="requestDer">The request as received; anything at all.</param>
    /// <param name="now">The TSA's clock; becomes genTime, cut to the millisecond.</param>
    /// <param name="serialNumber">Unique among this TSA's tokens: positive, at most 160 bits. The caller draws it (random 128 bits, or a counter it stores).</param>
    /// <param name="lastReading">The latest comparison of the clock with a reference, or null if none was made.</param>
    /// <exception cref="ArgumentOutOfRangeException">The serial number is not positive or longer than 160 bits.</exception>
    public TimestampReply Respond(ReadOnlySpan<byte> requestDer, DateTimeOffset now, BigInteger serialNumber, ClockReading? lastReading)
    {
        if (serialNumber.Sign <= 0 || serialNumber.GetBitLength() > SerialNumberBitsMax)
        {
            throw new ArgumentOutOfRangeException(nameof(serialNumber), serialNumber, $"A serial number must be positive and at most {SerialNumberBitsMax} bits.");
        }

        if (!TimestampRequestReader.TryRead(requestDer, out TimeStampRequest? request, out string problem))
        {
            return Refuse(TimestampRefusal.BadDataFormat, problem);
        }

        if (CheckRequest(request) is { } refused)
        {
            return refused;
        }

        ClockVerdict clock = _clockGuard.Check(now, lastReading);
        if (!clock.IsTrusted)
        {
            return Refuse(TimestampRefusal.ClockNotTrusted, $"the time source is not trusted: {clock.Detail}");
        }

        X509Certificate certificate = Credential.Certificate;
        if (!certificate.IsValid(now.UtcDateTime))
        {
            return Refuse(TimestampRefusal.TsaCertificateNotValid,
                $"the TSA's certificate is valid from {TimeText.Utc(certificate.NotBefore)} to {TimeText.Utc(certificate.NotAfter)}, not at {TimeText.Utc(now)}");
        }

        TimeStampToken token = _generator.Generate(request, new BcBigInteger(1, serialNumber.ToByteArray(isUnsigned: true, isBigEndian: true)), now.UtcDateTime);
        Org.BouncyCastle.Asn1.Cms.ContentInfo tokenInfo = token.ToCmsSignedData().ContentInfo;
        var response = new TimeStampResp(new PkiStatusInfo((int)PkiStatus.Granted), tokenInfo);
        return new TimestampReply(response.GetDerEncoded(), TimestampRefusal.None, string.Empty, tokenInfo.GetDerEncoded());
    }

    private TimestampReply? CheckRequest(TimeStampRequest request)
    {
        if (!HashAlgorithms.TryFrom(request.MessageImprintAlgID, out TimestampHash hash))
        {
            return Refuse(TimestampRefusal.BadAlgorithm,
                $"the message imprint algorithm {HashAlgorithms.Name(request.MessageImprintAlgID.Algorithm)} is not accepted; use SHA-256, SHA-384, SHA-512 or SM3");
        }

        int digestLengthBytes = request.GetMessageImprintDigest().Length;
        if (digestLengthBytes != HashAlgorithms.DigestLengthBytes(hash))
        {
            return Refuse(TimestampRefusal.BadDataFormat,
                $"the message imprint is {digestLengthBytes} bytes long; a {HashAlgorithms.Name(hash)} digest is {HashAlgorithms.DigestLengthBytes(hash)}");
        }

        if (request.ReqPolicy is { } asked && asked != PolicyOid)
        {
            return Refuse(TimestampRefusal.UnacceptedPolicy, $"policy {asked} is not served; this TSA issues under {PolicyOid}");
        }

        if (request.HasExtensions)
        {
            return Refuse(TimestampRefusal.UnacceptedExtension, "request extensions are not supported; send the request without any");
        }

        return null;
    }

    private static TimestampReply Refuse(TimestampRefusal refusal, string statusText)
    {
        int failInfo = refusal switch
        {
            TimestampRefusal.BadDataFormat => PkiFailureInfo.BadDataFormat,
            TimestampRefusal.BadAlgorithm => PkiFailureInfo.BadAlg,
            TimestampRefusal.UnacceptedPolicy => PkiFailureInfo.UnacceptedPolicy,
            TimestampRefusal.UnacceptedExtension => PkiFailureInfo.UnacceptedExtension,
            TimestampRefusal.ClockNotTrusted => PkiFailureInfo.TimeNotAvailable,
            TimestampRefusal.TsaCertificateNotValid => PkiFailureInfo.SystemFailure,
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "not a refusal"),
        };
        var status = new PkiStatusInfo((int)PkiStatus.Rejection, new PkiFreeText(statusText), new PkiFailureInfo(failInfo));
        return new TimestampReply(new TimeStampResp(status, null).GetDerEncoded(), refusal, statusText, null);
    }

    private static TimeStampTokenGenerator CreateGenerator(TsaCredential credential, DerObjectIdentifier policy, TimeSpan accuracy)
    {
        SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder().Build(credential.SignatureFactory, credential.Certificate);
        IDigestFactory certificateHash = Asn1DigestFactory.Get(HashAlgorithms.Oid(credential.CertificateHash));
        var generator = new TimeStampTokenGenerator(signerInfo, certificateHash, policy, isIssuerSerialIncluded: true)
        {
            Resolution = Resolution.R_MILLISECONDS,
        };
        generator.SetCertificates(CollectionUtilities.CreateStore(new[] { credential.Certificate }));

        long micros = accuracy.Ticks / TimeSpan.TicksPerMicrosecond;
        generator.SetAccuracySeconds(checked((int)(micros / 1_000_000)));
        generator.SetAccuracyMillis((int)(micros / 1000 % 1000));
        generator.SetAccuracyMicros((int)(micros % 1000));
        return generator;
    }
}
