using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates.Internal;

namespace EvidenceChain.Certificates;

/// <summary>
/// A deployment's own certificate authority (RFC 5280): one self-signed certificate that issues the
/// party certificates callers present over mutual TLS and the service's server certificate, and
/// nothing else. The service trusts this certificate alone, never the system's roots.
/// <para>
/// Keys are ECDSA P-256, which .NET signs and verifies on every platform and every TLS 1.3 stack
/// offers. Ed25519, which the notary uses for checkpoints, is not an option here: .NET's X509 APIs
/// (<see cref="CertificateRequest"/>, <see cref="X509Chain"/>) do not support Ed25519 certificates.
/// </para>
/// <para>
/// Limits: the CA's path length is 0 (it issues end-entity certificates only, never another CA);
/// names are at most <see cref="NameLengthMaxChars"/> characters (RFC 5280 ub-common-name); a
/// certificate it issues never outlives it. Times come from the <see cref="TimeProvider"/> and are
/// whole seconds, as X.509 encodes them. Every certificate starts <see cref="ClockSkewAllowance"/>
/// before it was made (never before the CA), so a server whose clock is a little behind the issuing
/// machine's accepts a certificate issued a moment ago.
/// </para>
/// </summary>
public sealed class DeploymentCa : IDisposable
{
    /// <summary>The CA's common name when none is given.</summary>
    public const string NameDefault = "EvidenceChain deployment CA";

    /// <summary>RFC 5280 ub-common-name: the longest common name, for the CA and for a party.</summary>
    public const int NameLengthMaxChars = 64;

    /// <summary>RFC 1035: the longest DNS name a server certificate may carry.</summary>
    public const int DnsNameLengthMaxChars = 253;

    /// <summary>The most DNS names and IP addresses, together, in one server certificate.</summary>
    public const int ServerNameCountMax = 32;

    /// <summary>Random serial numbers of 16 bytes (RFC 5280 allows up to 20; 126 of the bits are random).</summary>
    public const int SerialNumberSizeInBytes = 16;

    /// <summary>id-kp-clientAuth (RFC 5280 §4.2.1.12): what a party certificate is for.</summary>
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12): what the server certificate is for.</summary>
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly TimeProvider _timeProvider;

    private DeploymentCa(X509Certificate2 certificate, TimeProvider timeProvider)
    {
        Certificate = certificate;
        _timeProvider = timeProvider;
    }

    /// <summary>How long a new CA is valid when no validity is given: ten years.</summary>
    public static TimeSpan ValidityDefault { get; } = TimeSpan.FromDays(3653);

    /// <summary>The longest validity of any certificate made here: fifty years.</summary>
    public static TimeSpan ValidityMax { get; } = TimeSpan.FromDays(18263);

    /// <summary>How long a party certificate is valid when no validity is given: one year.</summary>
    public static TimeSpan PartyValidityDefault { get; } = TimeSpan.FromDays(365);

    /// <summary>How long a server certificate is valid when no validity is given: one year.</summary>
    public static TimeSpan ServerValidityDefault { get; } = TimeSpan.FromDays(365);

    /// <summary>How far before its making a certificate starts, for clocks that disagree a little.</summary>
    public static TimeSpan ClockSkewAllowance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Makes a new CA: a fresh P-256 key and a self-signed certificate named <paramref name="name"/>
    /// (basic constraints CA with path length 0, key usage keyCertSign and cRLSign, both critical; a
    /// subject key identifier), valid from now (less <see cref="ClockSkewAllowance"/>) for <paramref name="validity"/>.
    /// </summary>
    public static DeploymentCa Create(string name, TimeSpan validity, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        CheckName(name, nameof(name));
        CheckValidity(validity, nameof(validity));
        DateTimeOffset now = CertificateTime.Truncate(timeProvider.GetUtcNow());

        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(CommonName(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // Self-signed, with the same 16-byte random serial as every certificate the CA issues (CreateSelfSigned would draw 8 bytes).
        X509Certificate2 certificate = request.Create(
            request.SubjectName,
            X509SignatureGenerator.CreateForECDsa(key),
            now - ClockSkewAllowance,
            now + validity,
            NewSerialNumber());
        using (certificate)
        {
            return new DeploymentCa(certificate.CopyWithPrivateKey(key), timeProvider);
        }
    }

    /// <summary>
    /// The CA of an existing certificate with its ECDSA private key (as <see cref="CertificateFiles.ReadCertificateWithKey"/>
    /// reads it). Throws <see cref="ArgumentException"/> when it is not a CA certificate (see <see cref="IsCaCertificate"/>)
    /// or has no ECDSA private key. The CA keeps its own copy; the caller still disposes <paramref name="certificateWithKey"/>.
    /// </summary>
    public static DeploymentCa FromCertificate(X509Certificate2 certificateWithKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!IsCaCertificate(certificateWithKey))
        {
            throw new ArgumentException($"'{certificateWithKey.Subject}' is not a CA certificate (basic constraints CA, key usage keyCertSign).", nameof(certificateWithKey));
        }

        using ECDsa? key = certificateWithKey.GetECDsaPrivateKey();
        if (key is null)
        {
            throw new ArgumentException($"The certificate '{certificateWithKey.Subject}' comes without its ECDSA private key.", nameof(certificateWithKey));
        }

        using X509Certificate2 publicOnly = X509CertificateLoader.LoadCertificate(certificateWithKey.RawData);
        return new DeploymentCa(publicOnly.CopyWithPrivateKey(key), timeProvider);
    }

    /// <summary>Whether <paramref name="certificate"/> can be a deployment CA: basic constraints say CA, and key usage, if present, allows keyCertSign.</summary>
    public static bool IsCaCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        X509BasicConstraintsExtension? constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        X509KeyUsageExtension? usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return constraints is { CertificateAuthority: true }
            && (usage is null || usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
    }

    /// <summary>A CA or party name: 1 to <see cref="NameLengthMaxChars"/> characters, no control characters, not blank at either end.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= NameLengthMaxChars
        && name.Trim().Length == name.Length
        && !name.Any(char.IsControl);

    /// <summary>A host name a server certificate may carry: a DNS name (no wildcard) of at most <see cref="DnsNameLengthMaxChars"/> characters.</summary>
    public static bool IsValidDnsName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= DnsNameLengthMaxChars
        && Uri.CheckHostName(name) == UriHostNameType.Dns;

    /// <summary>
    /// Issues a party certificate: a new P-256 key; subject CN = <paramref name="displayName"/>; the
    /// subject alternative name URI <c>urn:evidencechain:party:&lt;id&gt;</c>; extended key usage
    /// clientAuth; key usage digitalSignature (critical); not a CA (critical); subject and authority
    /// key identifiers; a random serial number; valid from now for <paramref name="validity"/>, which
    /// must end no later than the CA. Returns the certificate with its private key, for the party.
    /// </summary>
    public X509Certificate2 IssueParty(string displayName, PartyId partyId, TimeSpan validity)
    {
        CheckName(displayName, nameof(displayName));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(partyId.ToUri()));
        return Issue(CommonName(displayName), names.Build(), ClientAuthOid, validity);
    }

    /// <summary>
    /// Issues the service's server certificate: a new P-256 key; subject CN = the first DNS name (else
    /// the first IP address); subject alternative names <paramref name="dnsNames"/> and <paramref name="ipAddresses"/>
    /// (together 1 to <see cref="ServerNameCountMax"/>; see <see cref="IsValidDnsName"/>); extended key
    /// usage serverAuth; otherwise as <see cref="IssueParty"/>.
    /// </summary>
    public X509Certificate2 IssueServer(IReadOnlyCollection<string> dnsNames, IReadOnlyCollection<IPAddress> ipAddresses, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentNullException.ThrowIfNull(ipAddresses);
        int count = dnsNames.Count + ipAddresses.Count;
        if (count is 0 or > ServerNameCountMax)
        {
            throw new ArgumentException($"A server certificate names 1 to {ServerNameCountMax} DNS names and IP addresses, not {count}.", nameof(dnsNames));
        }

        var names = new SubjectAlternativeNameBuilder();
        foreach (string dnsName in dnsNames)
        {
            if (!IsValidDnsName(dnsName))
            {
                throw new ArgumentException($"'{dnsName}' is not a DNS name a server certificate may carry.", nameof(dnsNames));
            }

            names.AddDnsName(dnsName);
        }

        foreach (IPAddress address in ipAddresses)
        {
            ArgumentNullException.ThrowIfNull(address, nameof(ipAddresses));
            names.AddIpAddress(address);
        }

        string commonName = dnsNames.Count > 0 ? dnsNames.First() : ipAddresses.First().ToString();
        return Issue(CommonName(commonName), names.Build(), ServerAuthOid, validity);
    }

    /// <summary>When a certificate issued now for <paramref name="validity"/> would end (whole seconds), to compare with the CA's end.</summary>
    public DateTimeOffset NotAfterOf(TimeSpan validity) => CertificateTime.Truncate(_timeProvider.GetUtcNow()) + validity;

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(X500DistinguishedName subject, X509Extension subjectAlternativeNames, string usageOid, TimeSpan validity)
    {
        CheckValidity(validity, nameof(validity));
        DateTimeOffset now = CertificateTime.Truncate(_timeProvider.GetUtcNow());
        DateTimeOffset caNotBefore = CertificateTime.NotBefore(Certificate);
        DateTimeOffset caNotAfter = CertificateTime.NotAfter(Certificate);
        DateTimeOffset notBefore = now - ClockSkewAllowance < caNotBefore ? caNotBefore : now - ClockSkewAllowance;
        DateTimeOffset notAfter = now + validity;
        if (notAfter > caNotAfter)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validity),
                $"A certificate issued now for {validity.TotalDays:0.#} days would end at {notAfter:u}, after its CA ({caNotAfter:u}).");
        }

        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], critical: false));
        request.CertificateExtensions.Add(subjectAlternativeNames);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        using X509Certificate2 publicOnly = request.Create(Certificate, notBefore, notAfter, NewSerialNumber());
        return publicOnly.CopyWithPrivateKey(key);
    }

    private static X500DistinguishedName CommonName(string name)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(name);
        return builder.Build();
    }

    private static byte[] NewSerialNumber()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(SerialNumberSizeInBytes);

        // A positive DER INTEGER with no leading zero byte: clear the sign bit and set the next one.
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    private static void CheckName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A name is 1 to {NameLengthMaxChars} characters without control characters or surrounding blanks; got {name.Length} characters.", parameterName);
        }
    }

    private static void CheckValidity(TimeSpan validity, string parameterName)
    {
        if (validity <= TimeSpan.Zero || validity > ValidityMax)
        {
            throw new ArgumentOutOfRangeException(parameterName, validity, $"A validity is positive and at most {ValidityMax.TotalDays} days.");
        }
    }
}
