using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates.Internal;

namespace EvidenceChain.Certificates;

/// <summary>
/// The rule the service applies to each TLS client certificate: it identifies a party when
/// <list type="number">
/// <item>its chain ends at exactly the configured deployment CA certificate, and has no other link
/// (custom root trust: no system roots, no downloads, no online revocation);</item>
/// <item>it, and the CA, are valid at the <see cref="TimeProvider"/>'s time;</item>
/// <item>its extended key usage names clientAuth;</item>
/// <item>its subject alternative names hold exactly one <c>urn:evidencechain:party:</c> URI, whose id
/// is 32 lowercase hexadecimal digits.</item>
/// </list>
/// The checks run in that order and the first broken rule is the verdict (<see cref="PartyCertificateFailure"/>).
/// The validator proves only "this CA issued it to party X and it is in date": whether party X is
/// still registered, and what it may do, is the registry's question, and revocation is answered there.
/// <para>
/// In a TLS server's remote-certificate callback, call <see cref="Verify"/> and ignore the stack's own
/// <c>SslPolicyErrors</c>: the stack checks against the system's roots, which do not hold the
/// deployment CA (and must not be trusted for callers). Safe to call from many threads at once.
/// </para>
/// </summary>
public sealed class PartyCertificateValidator : IDisposable
{
    private readonly X509Certificate2 _deploymentCa;
    private readonly string _deploymentCaFingerprint;
    private readonly TimeProvider _timeProvider;

    /// <param name="deploymentCaCertificate">The deployment CA's certificate (its private key, if any, is not kept).</param>
    /// <param name="timeProvider">The clock validity is checked against.</param>
    public PartyCertificateValidator(X509Certificate2 deploymentCaCertificate, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(deploymentCaCertificate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!DeploymentCa.IsCaCertificate(deploymentCaCertificate))
        {
            throw new ArgumentException($"'{deploymentCaCertificate.Subject}' is not a CA certificate.", nameof(deploymentCaCertificate));
        }

        _deploymentCa = X509CertificateLoader.LoadCertificate(deploymentCaCertificate.RawData);
        _deploymentCaFingerprint = CertificateFingerprint.Sha256Hex(_deploymentCa);
        _timeProvider = timeProvider;
    }

    /// <summary>Checks <paramref name="certificate"/> (null when the client presented none) by the rules above.</summary>
    public PartyCertificateVerdict Verify(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.NoCertificate, "the client presented no certificate");
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (VerifyChain(certificate, now) is { } notIssued)
        {
            return notIssued;
        }

        if (VerifyTime(certificate, now) is { } notInDate)
        {
            return notInDate;
        }

        if (VerifyUsage(certificate) is { } notForClients)
        {
            return notForClients;
        }

        return VerifyPartyUri(certificate);
    }

    public void Dispose() => _deploymentCa.Dispose();

    private PartyCertificateVerdict? VerifyChain(X509Certificate2 certificate, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_deploymentCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;

        // Validity is checked below against both certificates, with a sentence that says which one.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        try
        {
            bool built = chain.Build(certificate);
            X509ChainElementCollection elements = chain.ChainElements;
            if (!built)
            {
                string statuses = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
                return NotIssued(certificate, statuses.Length > 0 ? statuses : "no chain to it");
            }

            bool endsAtCa = elements[^1].Certificate.RawDataMemory.Span.SequenceEqual(_deploymentCa.RawDataMemory.Span);
            if (elements.Count == 1 && endsAtCa)
            {
                return NotIssued(certificate, "it is the deployment CA's own certificate, which identifies no party");
            }

            if (elements.Count != 2 || !endsAtCa)
            {
                return NotIssued(certificate, string.Create(CultureInfo.InvariantCulture, $"its chain has {elements.Count} certificates where the CA's path length allows 2"));
            }

            return null;
        }
        finally
        {
            foreach (X509ChainElement element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private PartyCertificateVerdict NotIssued(X509Certificate2 certificate, string why) =>
        PartyCertificateVerdict.Fail(
            PartyCertificateFailure.NotIssuedByDeploymentCa,
            $"the certificate '{Printable.Of(certificate.Subject)}' (issuer '{Printable.Of(certificate.Issuer)}') was not issued by the deployment CA '{_deploymentCa.Subject}' (SHA-256 {_deploymentCaFingerprint}): {why}");

    private PartyCertificateVerdict? VerifyTime(X509Certificate2 certificate, DateTimeOffset now)
    {
        // RFC 5280 §4.1.2.5: valid from notBefore through notAfter, both included.
        DateTimeOffset notBefore = CertificateTime.NotBefore(certificate);
        DateTimeOffset notAfter = CertificateTime.NotAfter(certificate);
        DateTimeOffset caNotBefore = CertificateTime.NotBefore(_deploymentCa);
        DateTimeOffset caNotAfter = CertificateTime.NotAfter(_deploymentCa);
        if (now < notBefore)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.NotYetValid, $"the certificate is valid from {Format(notBefore)}, and it is now {Format(now)}");
        }

        if (now < caNotBefore)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.NotYetValid, $"the deployment CA is valid from {Format(caNotBefore)}, and it is now {Format(now)}");
        }

        if (now > notAfter)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.Expired, $"the certificate expired at {Format(notAfter)}, and it is now {Format(now)}");
        }

        if (now > caNotAfter)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.Expired, $"the deployment CA expired at {Format(caNotAfter)}, and it is now {Format(now)}");
        }

        return null;
    }

    private static PartyCertificateVerdict? VerifyUsage(X509Certificate2 certificate)
    {
        // An absent extension means "any usage" to RFC 5280; a party certificate must say clientAuth.
        string[] usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>())
            .Select(o => o.Value ?? string.Empty)
            .ToArray();
        if (usages.Contains(DeploymentCa.ClientAuthOid, StringComparer.Ordinal))
        {
            return null;
        }

        return PartyCertificateVerdict.Fail(
            PartyCertificateFailure.NoClientAuthUsage,
            usages.Length == 0
                ? "the certificate names no extended key usage, and a party certificate must name clientAuth"
                : $"the certificate's extended key usages are {string.Join(", ", usages.Select(UsageName))}, without clientAuth: it is not for clients");
    }

    private static PartyCertificateVerdict VerifyPartyUri(X509Certificate2 certificate)
    {
        IReadOnlyList<string> uris;
        try
        {
            uris = SubjectAlternativeNames.UrisOf(certificate);
        }
        catch (CryptographicException e)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.NoPartyUri, "the certificate's subject alternative names cannot be read: " + e.Message);
        }

        // A URN's scheme and namespace are case-insensitive (RFC 8141), so any case counts as a party
        // URI here; only the exact lowercase form then yields an id.
        string[] partyUris = uris.Where(u => u.StartsWith(PartyId.UriPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (partyUris.Length == 0)
        {
            return PartyCertificateVerdict.Fail(PartyCertificateFailure.NoPartyUri, $"the certificate's subject alternative names hold no {PartyId.UriPrefix} URI, so it names no party");
        }

        if (partyUris.Length > 1)
        {
            return PartyCertificateVerdict.Fail(
                PartyCertificateFailure.SeveralPartyUris,
                string.Create(CultureInfo.InvariantCulture, $"the certificate names {partyUris.Length} parties ({Printable.Of(string.Join(", ", partyUris))}), and a party certificate names exactly one"));
        }

        return PartyId.TryParseUri(partyUris[0], out PartyId partyId)
            ? PartyCertificateVerdict.Valid(partyId)
            : PartyCertificateVerdict.Fail(
                PartyCertificateFailure.MalformedPartyId,
                $"the party URI '{Printable.Of(partyUris[0])}' is not {PartyId.UriPrefix} followed by {PartyId.LengthInChars} lowercase hexadecimal digits");
    }

    private static string UsageName(string oid) => oid switch
    {
        DeploymentCa.ClientAuthOid => "clientAuth",
        DeploymentCa.ServerAuthOid => "serverAuth",
        _ => oid,
    };

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
