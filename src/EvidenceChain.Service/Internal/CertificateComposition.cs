using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Receipts;
using EvidenceChain.DepositCertificates;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Certificates;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Composes the certificate office from section "DepositCertificates": the notary's document-signing credential
/// (configured, or the development one: <c>keys/certificate-signing.key</c>, <c>certificate-signing.crt</c>,
/// <c>certificate-signing-root.crt</c>, the root a court is given to check the signer), the operator's particulars,
/// the TSA roots whose tokens certificates show (the configured outside ones, and the built-in TSA's as the
/// operator's own time), and the anchoring chain, whose node the office asks for the anchors' depth at issuance.
/// </summary>
internal static class CertificateComposition
{
    private static readonly CredentialFiles s_signingFiles = new("certificate-signing", "the certificate signing key");

    /// <exception cref="InvalidOperationException">The settings are inconsistent.</exception>
    /// <exception cref="InvalidDataException">A credential or root file is not usable.</exception>
    public static void Add(IServiceCollection services, CertificateSettings settings, string dataDirectory)
    {
        if (settings.Problem() is string problem)
        {
            throw new InvalidOperationException(problem);
        }

        (AsymmetricKeyParameter key, X509Certificate certificate, _) = s_signingFiles.Load(settings.CertificateFile, settings.KeyFile, dataDirectory, () =>
        {
            TsaKeyAlgorithm algorithm = settings.Algorithm == "sm2" ? TsaKeyAlgorithm.Sm2 : TsaKeyAlgorithm.EcdsaP256;
            DateTimeOffset now = DateTimeOffset.UtcNow;
            var random = new SecureRandom();
            IssuedCertificate root = TsaCertificates.CreateRoot(algorithm, "EvidenceChain development certificate signing root", now.AddMinutes(-5), now.AddYears(10), random);
            return (root, TsaCertificates.IssueDocumentSigner(root, algorithm, "EvidenceChain development notary", now.AddMinutes(-5), now.AddYears(10), random));
        });
        CertificateSigner signer;
        try
        {
            signer = new CertificateSigner(key, certificate);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the certificate signing certificate and key cannot be used: {e.Message}", e);
        }

        List<X509Certificate> outsideRoots = [.. settings.TsaRootFiles.SelectMany(path => ReadCertificates(File.ReadAllText(path), path))];
        services.AddSingleton(sp =>
        {
            // The built-in TSA's chain: its own certificate first (operator time), then the development root when the service made it.
            List<X509Certificate> builtIn = sp.GetService<TsaCertificateChain>() is TsaCertificateChain chain ? ReadCertificates(chain.Pem, "the built-in TSA's chain") : [];
            TimestampTrust? trust = outsideRoots.Count + builtIn.Count == 0 ? null : new TimestampTrust([.. outsideRoots, .. builtIn], builtIn.Take(1));
            return new CertificateOffice(
                sp.GetRequiredService<LogQueries>(),
                sp.GetRequiredService<RecordStatements>(),
                sp.GetRequiredService<LogIntake>(),
                sp.GetRequiredService<AnchoringView>().Chain,
                signer,
                new CertificateOfficeOptions
                {
                    OperatorName = string.IsNullOrWhiteSpace(settings.OperatorName) ? null : settings.OperatorName.Trim(),
                    Filing = string.IsNullOrWhiteSpace(settings.Filing) ? null : settings.Filing.Trim(),
                    TimestampTrust = trust,
                    CheckpointWaitMax = settings.CheckpointWaitMax,
                },
                sp.GetRequiredService<TimeProvider>(),
                RandomNumberGenerator.Fill);
        });
    }

    private static List<X509Certificate> ReadCertificates(string pem, string source)
    {
        List<X509Certificate> certificates = [.. new X509CertificateParser().ReadCertificates(Encoding.ASCII.GetBytes(pem))];
        return certificates.Count > 0 ? certificates : throw new InvalidDataException($"{source} holds no PEM certificate");
    }
}
