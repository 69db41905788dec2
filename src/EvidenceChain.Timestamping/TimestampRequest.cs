using System.Numerics;
using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Tsp;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace EvidenceChain.Timestamping;

/// <summary>
/// The requester's side of RFC 3161: a TimeStampReq for one imprint, with a fresh random nonce and
/// certReq set (so the token carries the TSA certificate a verifier needs), and the check that a
/// response answers exactly this request. That check is not verification: it reads the token without
/// trusting it; pass the token to <see cref="TimestampTokenVerifier"/> for that.
/// </summary>
public sealed class TimestampRequest
{
    /// <summary>128 random bits: a replayed or misrouted response matches by chance with probability 2⁻¹²⁸.</summary>
    public const int NonceLengthBytes = 16;

    private readonly byte[] _der;

    private TimestampRequest(TimestampImprint imprint, BigInteger nonce, string? policyOid, byte[] der)
    {
        Imprint = imprint;
        Nonce = nonce;
        PolicyOid = policyOid;
        _der = der;
    }

    public TimestampImprint Imprint { get; }

    public BigInteger Nonce { get; }

    /// <summary>The policy asked for, or null to accept the TSA's default.</summary>
    public string? PolicyOid { get; }

    /// <summary>The DER TimeStampReq to send (<c>application/timestamp-query</c>).</summary>
    public ReadOnlyMemory<byte> Der => _der;

    /// <param name="imprint">What to timestamp (SHA-256 by default in <see cref="TimestampImprint.Compute"/>; SM3 for national-algorithm TSAs).</param>
    /// <param name="random">Where the nonce comes from.</param>
    /// <param name="policyOid">A policy to insist on (dotted decimal), or null.</param>
    public static TimestampRequest Create(TimestampImprint imprint, NonceSource random, string? policyOid = null)
    {
        ArgumentNullException.ThrowIfNull(imprint);
        ArgumentNullException.ThrowIfNull(random);
        DerObjectIdentifier? policy = null;
        if (policyOid is not null && !DerObjectIdentifier.TryFromID(policyOid, out policy))
        {
            throw new ArgumentException($"'{policyOid}' is not an object identifier in dotted decimal.", nameof(policyOid));
        }

        Span<byte> nonceBytes = stackalloc byte[NonceLengthBytes];
        random(nonceBytes);
        var nonce = new BigInteger(nonceBytes, isUnsigned: true, isBigEndian: true);

        var messageImprint = new MessageImprint(new AlgorithmIdentifier(HashAlgorithms.Oid(imprint.Hash), DerNull.Instance), imprint.Digest.ToArray());
        var request = new TimeStampReq(messageImprint, policy, new DerInteger(new BcBigInteger(1, nonceBytes.ToArray())), DerBoolean.True, extensions: null);
        return new TimestampRequest(imprint, nonce, policy?.Id, request.GetDerEncoded());
    }

    /// <summary>Checks that <paramref name="responseDer"/> grants a token for this request, and returns it.</summary>
    public TimestampResponseVerdict ReadResponse(ReadOnlySpan<byte> responseDer)
    {
        TimeStampResponse response;
        try
        {
            response = new TimeStampResponse(TimeStampResp.GetInstance(Asn1Object.FromByteArray(responseDer.ToArray())));
        }
#pragma warning disable CA1031 // BouncyCastle's parsers throw many exception types on hostile input; every one means "malformed".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.Malformed, $"the response is not a DER TimeStampResp holding a token ({e.Message})");
        }

        if (response.Status is not ((int)PkiStatus.Granted or (int)PkiStatus.GrantedWithMods) || response.TimeStampToken is null)
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.Rejected, RejectionText(response));
        }

        TimeStampTokenInfo info = response.TimeStampToken.TimeStampInfo;
        if (!HashAlgorithms.TryFrom(info.HashAlgorithm, out TimestampHash hash) || hash != Imprint.Hash
            || !info.GetMessageImprintDigest().AsSpan().SequenceEqual(Imprint.Digest.Span))
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.WrongImprint,
                $"the token dates {HashAlgorithms.Name(info.HashAlgorithm.Algorithm)}:{Convert.ToHexStringLower(info.GetMessageImprintDigest())}, not the requested {Imprint}");
        }

        if (info.Nonce is null || !info.Nonce.Equals(new BcBigInteger(1, Nonce.ToByteArray(isUnsigned: true, isBigEndian: true))))
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.WrongNonce,
                $"the token's nonce is {(info.Nonce is null ? "missing" : info.Nonce.ToString(16))}, not the request's {Nonce:x}");
        }

        if (PolicyOid is not null && info.Policy != PolicyOid)
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.WrongPolicy, $"the token was issued under policy {info.Policy}, not the requested {PolicyOid}");
        }

        if (!response.TimeStampToken.GetCertificates().EnumerateMatches(null).Any())
        {
            return TimestampResponseVerdict.Fail(TimestampResponseFailure.CertificateMissing, "the request asked for the TSA's certificate and the token carries none");
        }

        byte[] tokenDer = response.TimeStampToken.ToCmsSignedData().ContentInfo.GetDerEncoded();
        return new TimestampResponseVerdict(TimestampResponseFailure.None, $"token {info.SerialNumber.ToString(16)} from {info.GenTime:O} answers the request", tokenDer);
    }

    private static string RejectionText(TimeStampResponse response)
    {
        string text = response.GetStatusString() ?? "no status text";
        PkiFailureInfo? failure = response.GetFailInfo();
        string failureNames = failure is null ? string.Empty : $" [{FailureInfoNames.Of(failure.IntValue)}]";
        return $"the TSA answered with status {response.Status}{failureNames}: {text}";
    }
}
