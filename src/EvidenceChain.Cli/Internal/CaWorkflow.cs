using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The work of <c>ca init</c>, <c>ca issue-party</c>, <c>ca issue-server</c> and <c>ca show</c> over
/// EvidenceChain.Certificates: check the arguments, make or read the certificates, write the files,
/// print what was made. Every fault is an exception translated once, in <see cref="Run"/>, into one
/// line and exit code 2; <c>show --ca</c> exits 1 when the certificate does not verify as a party's.
/// </summary>
internal static class CaWorkflow
{
    /// <summary>The CA's files in its folder: <c>ca.crt.pem</c> and <c>ca.key.pem</c>.</summary>
    public const string CaFilePrefix = "ca";

    public const int YearsDefault = 10;
    public const int YearsMax = 50;
    public const int DaysDefault = 365;

    /// <summary>The same bound as the library's: fifty years of days.</summary>
    public static readonly int DaysMax = (int)DeploymentCa.ValidityMax.TotalDays;

    public static readonly string[] ServerDnsNamesDefault = ["localhost"];
    public static readonly string[] ServerIpAddressesDefault = ["127.0.0.1"];

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static int Run(CliContext context, string? languageCode, Func<CaText, ExitCode> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        CaText text = CaText.For(languageCode);
        ReportText report = ReportText.For(languageCode);
        try
        {
            return (int)work(text);
        }
        catch (CaInputException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
            return (int)ExitCode.UnusableInput;
        }
        catch (CertificateFileException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e));
            return (int)ExitCode.UnusableInput;
        }
    }

    public static ExitCode Init(CliContext context, CaText text, string directory, string name, int years, TimeProvider time)
    {
        CheckName(name);
        if (years < 1 || years > YearsMax)
        {
            throw new CaInputException(CaProblem.ValidityOutOfRange, "--years " + years.ToString(CultureInfo.InvariantCulture), $"1–{YearsMax}");
        }

        string folder = Path.GetFullPath(directory);
        CreateOwnerOnlyFolder(folder);
        DateTimeOffset now = time.GetUtcNow();
        using DeploymentCa ca = DeploymentCa.Create(name, now.AddYears(years) - now, time);
        (string certificatePath, string keyPath) = CaPaths(folder);
        CertificateFiles.Write(ca.Certificate, certificatePath, keyPath);

        TextWriter output = context.Output;
        output.WriteLine(text.CaLabel + ca.Certificate.Subject);
        output.WriteLine(text.CertificateLabel + certificatePath + text.Aside(text.CaCertificateNote));
        output.WriteLine(text.PrivateKeyLabel + keyPath + text.Aside(text.CaKeyNote));
        output.WriteLine(text.ValidLabel + Validity(text, ca.Certificate));
        output.WriteLine(text.FingerprintLabel + CertificateFingerprint.Sha256Hex(ca.Certificate));
        return ExitCode.Success;
    }

    public static ExitCode IssueParty(CliContext context, CaText text, string directory, string name, string? partyIdText, int days, string outPrefix, TimeProvider time)
    {
        CheckName(name);
        PartyId partyId = PartyId.NewRandom();
        if (partyIdText is not null && !PartyId.TryParse(partyIdText, out partyId))
        {
            throw new CaInputException(CaProblem.PartyIdMalformed, partyIdText);
        }

        TimeSpan validity = Days(days);
        (string certificatePath, string keyPath) = OutPaths(outPrefix);
        using DeploymentCa ca = LoadCa(directory, time);
        CheckWithinCa(ca, validity);
        using X509Certificate2 certificate = ca.IssueParty(name, partyId, validity);
        CertificateFiles.Write(certificate, certificatePath, keyPath);

        TextWriter output = context.Output;
        output.WriteLine(text.PartyIdLabel + partyId);
        output.WriteLine(text.PartyLabel + certificate.Subject);
        output.WriteLine(text.CertificateLabel + certificatePath);
        output.WriteLine(text.PrivateKeyLabel + keyPath + text.Aside(text.PartyKeyNote));
        output.WriteLine(text.ValidLabel + Validity(text, certificate));
        output.WriteLine(text.FingerprintLabel + CertificateFingerprint.Sha256Hex(certificate) + text.Aside(text.PartyFingerprintNote));
        return ExitCode.Success;
    }

    public static ExitCode IssueServer(CliContext context, CaText text, string directory, IReadOnlyList<string> dnsNames, IReadOnlyList<string> ipAddresses, int days, string outPrefix, TimeProvider time)
    {
        // Either list given means exactly what is given; neither means this machine's loopback names.
        if (dnsNames.Count == 0 && ipAddresses.Count == 0)
        {
            dnsNames = ServerDnsNamesDefault;
            ipAddresses = ServerIpAddressesDefault;
        }

        int count = dnsNames.Count + ipAddresses.Count;
        if (count > DeploymentCa.ServerNameCountMax)
        {
            throw new CaInputException(CaProblem.TooManyNames, count.ToString(CultureInfo.InvariantCulture));
        }

        foreach (string dnsName in dnsNames)
        {
            if (!DeploymentCa.IsValidDnsName(dnsName))
            {
                throw new CaInputException(CaProblem.DnsNameInvalid, dnsName);
            }
        }

        IPAddress[] addresses = ipAddresses.Select(ParseIpAddress).ToArray();
        TimeSpan validity = Days(days);
        (string certificatePath, string keyPath) = OutPaths(outPrefix);
        using DeploymentCa ca = LoadCa(directory, time);
        CheckWithinCa(ca, validity);
        using X509Certificate2 certificate = ca.IssueServer(dnsNames, addresses, validity);
        CertificateFiles.Write(certificate, certificatePath, keyPath);

        TextWriter output = context.Output;
        output.WriteLine(text.ServerLabel + certificate.Subject);
        output.WriteLine(text.NamesLabel + string.Join(", ", dnsNames.Concat(addresses.Select(a => a.ToString()))));
        output.WriteLine(text.CertificateLabel + certificatePath);
        output.WriteLine(text.PrivateKeyLabel + keyPath + text.Aside(text.ServerKeyNote));
        output.WriteLine(text.ValidLabel + Validity(text, certificate));
        output.WriteLine(text.FingerprintLabel + CertificateFingerprint.Sha256Hex(certificate));
        return ExitCode.Success;
    }

    public static ExitCode Show(CliContext context, CaText text, string path, string? caPath, TimeProvider time)
    {
        using X509Certificate2 certificate = CertificateFiles.ReadCertificate(Path.GetFullPath(path));
        using X509Certificate2? caCertificate = caPath is null ? null : CertificateFiles.ReadCertificate(Path.GetFullPath(caPath));
        if (caCertificate is not null && !DeploymentCa.IsCaCertificate(caCertificate))
        {
            throw new CaInputException(CaProblem.NotACa, Path.GetFullPath(caPath!));
        }

        TextWriter output = context.Output;
        output.WriteLine(text.SubjectLabel + certificate.Subject);
        output.WriteLine(text.IssuerLabel + certificate.Issuer);
        output.WriteLine(text.SerialNumberLabel + certificate.SerialNumber.ToLowerInvariant());
        output.WriteLine(text.PartyIdLabel + PartyOf(certificate, text));
        X509SubjectAlternativeNameExtension? names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        string[] dnsNames = names?.EnumerateDnsNames().ToArray() ?? [];
        string[] ipAddresses = names?.EnumerateIPAddresses().Select(a => a.ToString()).ToArray() ?? [];
        if (dnsNames.Length > 0)
        {
            output.WriteLine(text.DnsNamesLabel + string.Join(", ", dnsNames));
        }

        if (ipAddresses.Length > 0)
        {
            output.WriteLine(text.IpAddressesLabel + string.Join(", ", ipAddresses));
        }

        output.WriteLine(text.ValidLabel + Validity(text, certificate));
        output.WriteLine(text.UsageLabel + Usages(certificate, text));
        if (DeploymentCa.IsCaCertificate(certificate))
        {
            output.WriteLine(text.CaIsCa);
        }

        output.WriteLine(text.FingerprintLabel + CertificateFingerprint.Sha256Hex(certificate));
        if (caCertificate is null)
        {
            output.WriteLine(IssuerLine(certificate, text, issuerFingerprint: null));
            return ExitCode.Success;
        }

        using var validator = new PartyCertificateValidator(caCertificate, time);
        PartyCertificateVerdict verdict = validator.Verify(certificate);
        string caFingerprint = CertificateFingerprint.Sha256Hex(caCertificate);
        bool issuedByCa = verdict.Failure != PartyCertificateFailure.NotIssuedByDeploymentCa;
        output.WriteLine(IssuerLine(certificate, text, issuedByCa ? caFingerprint : null));
        if (verdict.IsValid)
        {
            output.WriteLine(text.PartyVerified(verdict.PartyId!.Value.ToString(), caFingerprint));
            return ExitCode.Success;
        }

        output.WriteLine(text.PartyNotVerified(text.Failures[verdict.Failure], verdict.Failure.ToString(), verdict.Detail));
        return ExitCode.Invalid;
    }

    private static void CheckName(string name)
    {
        if (!DeploymentCa.IsValidName(name))
        {
            throw new CaInputException(CaProblem.NameInvalid, name);
        }
    }

    private static TimeSpan Days(int days) =>
        days >= 1 && days <= DaysMax
            ? TimeSpan.FromDays(days)
            : throw new CaInputException(CaProblem.ValidityOutOfRange, "--days " + days.ToString(CultureInfo.InvariantCulture), $"1–{DaysMax}");

    private static IPAddress ParseIpAddress(string text)
    {
        // IPAddress.TryParse also takes "127.1" and "2130706433"; a certificate should name what the person wrote.
        bool exact = IPAddress.TryParse(text, out IPAddress? address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 ? text.Contains(':', StringComparison.Ordinal) : address.ToString() == text);
        return exact ? address! : throw new CaInputException(CaProblem.IpAddressInvalid, text);
    }

    private static (string CertificatePath, string KeyPath) CaPaths(string folder) =>
        (Path.Combine(folder, CaFilePrefix + CertificateFiles.CertificateSuffix), Path.Combine(folder, CaFilePrefix + CertificateFiles.KeySuffix));

    /// <summary>PREFIX.crt.pem and PREFIX.key.pem; a prefix given with either suffix loses it, so no file is named x.crt.pem.crt.pem.</summary>
    private static (string CertificatePath, string KeyPath) OutPaths(string outPrefix)
    {
        string prefix = Path.GetFullPath(outPrefix);
        foreach (string suffix in (string[])[CertificateFiles.CertificateSuffix, CertificateFiles.KeySuffix])
        {
            if (prefix.EndsWith(suffix, StringComparison.Ordinal))
            {
                prefix = prefix[..^suffix.Length];
            }
        }

        return (prefix + CertificateFiles.CertificateSuffix, prefix + CertificateFiles.KeySuffix);
    }

    private static void CreateOwnerOnlyFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        try
        {
            // The CA's folder holds its private key: owner only from the start, as the key file is.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyDirectory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaInputException(CaProblem.DirectoryUnwritable, folder, e.Message);
        }
    }

    private static DeploymentCa LoadCa(string directory, TimeProvider time)
    {
        (string certificatePath, string keyPath) = CaPaths(Path.GetFullPath(directory));
        using X509Certificate2 certificate = CertificateFiles.ReadCertificateWithKey(certificatePath, keyPath);
        return DeploymentCa.IsCaCertificate(certificate)
            ? DeploymentCa.FromCertificate(certificate, time)
            : throw new CaInputException(CaProblem.NotACa, certificatePath);
    }

    private static void CheckWithinCa(DeploymentCa ca, TimeSpan validity)
    {
        DateTimeOffset end = ca.NotAfterOf(validity);
        DateTimeOffset caEnd = new DateTimeOffset(ca.Certificate.NotAfter).ToUniversalTime();
        if (end > caEnd)
        {
            throw new CaInputException(CaProblem.OutlivesCa, Format(end), Format(caEnd));
        }
    }

    private static string PartyOf(X509Certificate2 certificate, CaText text)
    {
        IReadOnlyList<string> uris;
        try
        {
            uris = SubjectAlternativeNames.UrisOf(certificate);
        }
        catch (CryptographicException)
        {
            return text.None;
        }

        string[] partyUris = uris.Where(u => u.StartsWith(PartyId.UriPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        return partyUris switch
        {
            [] => text.None,
            [string single] when PartyId.TryParseUri(single, out PartyId partyId) => partyId.ToString(),

            // Not one well-formed id: show what is there, for --ca to judge.
            _ => string.Join(", ", partyUris.Select(u => u.Replace('\n', '?').Replace('\r', '?'))),
        };
    }

    private static string Usages(X509Certificate2 certificate, CaText text)
    {
        string[] usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>())
            .Select(o => o.Value switch
            {
                DeploymentCa.ClientAuthOid => "clientAuth",
                DeploymentCa.ServerAuthOid => "serverAuth",
                var other => other ?? "?",
            })
            .ToArray();
        return usages.Length == 0 ? text.None : string.Join(", ", usages);
    }

    /// <summary>The issuer's fingerprint where it is known (self-signed, or the CA that was checked), else its key id and how to check it.</summary>
    private static string IssuerLine(X509Certificate2 certificate, CaText text, string? issuerFingerprint)
    {
        X509AuthorityKeyIdentifierExtension? authority = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault();
        string? keyId = authority?.KeyIdentifier is { } id ? Convert.ToHexStringLower(id.Span) : null;
        string? ownKeyId = certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifier?.ToLowerInvariant();
        bool selfIssued = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) && (keyId is null || keyId == ownKeyId);
        if (selfIssued && issuerFingerprint is null)
        {
            return text.IssuerFingerprintLabel + CertificateFingerprint.Sha256Hex(certificate) + text.Aside(text.SelfSigned);
        }

        if (issuerFingerprint is not null)
        {
            return text.IssuerFingerprintLabel + issuerFingerprint;
        }

        return text.IssuerKeyIdLabel + (keyId ?? text.None) + text.Aside(text.IssuerUnknown);
    }

    private static string Validity(CaText text, X509Certificate2 certificate) =>
        text.Validity(Format(new DateTimeOffset(certificate.NotBefore)), Format(new DateTimeOffset(certificate.NotAfter)));

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
