using System.Numerics;
using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping;

/// <summary>
/// Verifies an RFC 3161 timestamp token against the imprint it should date and a set of trust anchors,
/// offline and without a clock. The checks run in the order of <see cref="TimestampFailure"/> and the first
/// broken rule is the verdict:
/// <list type="number">
/// <item>the DER is a CMS SignedData with one signer info, signed attributes and an encapsulated TSTInfo;</item>
/// <item>the token carries the certificate the signer info names;</item>
/// <item>that certificate chains to a trust anchor, through CA certificates carried in the token;</item>
/// <item>the signature verifies with its key (ECDSA, RSA, or SM2 with the GM/T 0009 default user ID);</item>
/// <item>the signed content parses as a version 1 TSTInfo;</item>
/// <item>the signing-certificate attribute (ESSCertID or ESSCertIDv2) names that certificate;</item>
/// <item>its extended key usage is timeStamping alone, critical;</item>
/// <item>every certificate on the chain was valid at the token's genTime;</item>
/// <item>the token's imprint is the expected one.</item>
/// </list>
/// <para>
/// Validity is judged at genTime, not at the verifier's "now": a token proves that the TSA, while its
/// certificate was good, saw the imprint. Judging at "now" would make every token die with its TSA's
/// certificate, a common failure of other verifiers (<c>openssl ts -verify</c> among them) that would turn a
/// court's evidence invalid a few years after it was stamped. The cost is trust in the TSA key not having
/// been compromised before it expired; revocation is not checked (see docs/timestamping.md).
/// </para>
/// Safe to call from many threads at once.
/// </summary>
public sealed class TimestampTokenVerifier
{
    /// <summary>The longest token read; one with a three-certificate RSA chain is about 5 KiB.</summary>
    public const int TokenLengthMaxBytes = 64 * 1024;

    /// <summary>The most certificates on a path, signer and anchor included.</summary>
    public const int ChainLengthMax = 6;

    private readonly X509Certificate[] _trustAnchors;
    private readonly HashSet<string> _operatorTsaFingerprints;

    /// <param name="trustAnchors">The root (or pinned TSA) certificates tokens must chain to; at least one.</param>
    /// <param name="operatorTsaCertificates">The operator's own TSA certificates: their tokens verify but are labelled <see cref="VerifiedTimestamp.IsOperatorTsa"/>.</param>
    public TimestampTokenVerifier(IEnumerable<X509Certificate> trustAnchors, IEnumerable<X509Certificate> operatorTsaCertificates)
    {
        ArgumentNullException.ThrowIfNull(trustAnchors);
        ArgumentNullException.ThrowIfNull(operatorTsaCertificates);
        _trustAnchors = trustAnchors.ToArray();
        if (_trustAnchors.Length == 0)
        {
            throw new ArgumentException("At least one trust anchor is needed.", nameof(trustAnchors));
        }

        _operatorTsaFingerprints = operatorTsaCertificates.Select(Sha256Hex).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The SHA-256 of a certificate's DER in lowercase hexadecimal, as <see cref="VerifiedTimestamp.TsaCertificateSha256"/> reports it.</summary>
    public static string Sha256Hex(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(DigestUtilities.CalculateDigest("SHA-256", certificate.GetEncoded()));
    }

    /// <summary>Checks that <paramref name="tokenDer"/> proves when <paramref name="expectedImprint"/> existed.</summary>
    public TimestampVerdict Verify(ReadOnlySpan<byte> tokenDer, TimestampImprint expectedImprint)
    {
        ArgumentNullException.ThrowIfNull(expectedImprint);
        if (!TokenReader.TryReadSignedData(tokenDer, out X509Certificate[]? carried, out SignerInformation? signer, out byte[]? content, out string problem))
        {
            return TimestampVerdict.Fail(TimestampFailure.Malformed, problem);
        }

        X509Certificate? certificate = carried.FirstOrDefault(c => signer.SignerID.Match(c));
        if (certificate is null)
        {
            return TimestampVerdict.Fail(TimestampFailure.SignerCertificateMissing,
                $"the token carries {carried.Length} certificate(s), none of them the signer's; request tokens with certReq set");
        }

        List<X509Certificate>? path = CertificateChain.Build(certificate, carried, _trustAnchors, ChainLengthMax);
        if (path is null)
        {
            return TimestampVerdict.Fail(TimestampFailure.UntrustedTsa,
                $"'{certificate.SubjectDN}' (issued by '{certificate.IssuerDN}') does not chain to a trusted anchor");
        }

        if (SignerSignature.Problem(signer, content, certificate) is { } badSignature)
        {
            return TimestampVerdict.Fail(TimestampFailure.BadSignature, badSignature);
        }

        if (!TokenReader.TryReadTstInfo(content, out TstInfo? info, out problem))
        {
            return TimestampVerdict.Fail(TimestampFailure.Malformed, problem);
        }

        if (BindingProblem(signer, certificate) is { } unbound)
        {
            return TimestampVerdict.Fail(TimestampFailure.CertificateBindingMismatch, unbound);
        }

        if (TimestampingUsage.Problem(certificate) is { } wrongUsage)
        {
            return TimestampVerdict.Fail(TimestampFailure.WrongExtendedKeyUsage, $"'{certificate.SubjectDN}': {wrongUsage}");
        }

        DateTime genTime = info.GenTime.ToDateTime();
        if (CertificateChain.ValidityProblem(path, genTime) is { } notValid)
        {
            return TimestampVerdict.Fail(TimestampFailure.NotValidAtGenTime, notValid);
        }

        MessageImprint imprint = info.MessageImprint;
        if (!HashAlgorithms.TryFrom(imprint.HashAlgorithm, out TimestampHash hash) || hash != expectedImprint.Hash
            || !imprint.GetHashedMessage().AsSpan().SequenceEqual(expectedImprint.Digest.Span))
        {
            return TimestampVerdict.Fail(TimestampFailure.WrongImprint,
                $"the token dates {HashAlgorithms.Name(imprint.HashAlgorithm.Algorithm)}:{Convert.ToHexStringLower(imprint.GetHashedMessage())}, not {expectedImprint}");
        }

        var timestamp = new VerifiedTimestamp(
            new DateTimeOffset(genTime, TimeSpan.Zero),
            AccuracyOf(info.Accuracy),
            new BigInteger(info.SerialNumber.Value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true),
            info.Policy.Id,
            certificate.SubjectDN.ToString(),
            Sha256Hex(certificate),
            _operatorTsaFingerprints.Contains(Sha256Hex(certificate)));
        string label = timestamp.IsOperatorTsa ? "operator time, not independent" : "independent TSA";
        return new TimestampVerdict(TimestampFailure.None, $"{TimeText.Utc(genTime)} from '{timestamp.TsaName}' ({label})", timestamp);
    }

    private static string? BindingProblem(SignerInformation signer, X509Certificate certificate)
    {
        try
        {
            return SigningCertificateBinding.Problem(signer, certificate);
        }
#pragma warning disable CA1031 // A signing-certificate attribute that does not parse, or names an unknown hash, binds nothing.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"the signing-certificate attribute does not parse ({e.Message})";
        }
    }

    private static TimeSpan? AccuracyOf(Accuracy? accuracy)
    {
        if (accuracy is null)
        {
            return null;
        }

        long micros = ((accuracy.Seconds?.LongValueExact ?? 0) * 1_000_000) + ((accuracy.Millis?.LongValueExact ?? 0) * 1000) + (accuracy.Micros?.LongValueExact ?? 0);
        return TimeSpan.FromMicroseconds(micros);
    }
}
