using EvidenceChain.Timestamping;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The built-in TSA's key and certificate (<see cref="CredentialFiles"/>): configured, or the development pair
/// <c>keys/tsa.key</c>, <c>tsa.crt</c> and <c>tsa-root.crt</c>, the root published beside <c>notary.vkeys</c>
/// for <c>openssl ts -verify -CAfile</c> and receipts' verifiers.
/// </summary>
internal static class TsaCredentialFiles
{
    private static readonly CredentialFiles s_files = new("tsa", "the TSA key");

    /// <exception cref="InvalidDataException">A file is not what it should be, or the key is open to others.</exception>
    public static (TsaCredential Credential, TsaCertificateChain Chain) Load(TsaSettings settings, string dataDirectory, TimeProvider time)
    {
        (AsymmetricKeyParameter key, X509Certificate certificate, string chainPem) = s_files.Load(settings.CertificateFile, settings.KeyFile, dataDirectory, () =>
        {
            TsaKeyAlgorithm algorithm = settings.Algorithm == "sm2" ? TsaKeyAlgorithm.Sm2 : TsaKeyAlgorithm.EcdsaP256;
            DateTimeOffset now = time.GetUtcNow();
            var random = new SecureRandom();
            IssuedCertificate root = TsaCertificates.CreateRoot(algorithm, "EvidenceChain development TSA root", now.AddMinutes(-5), now.AddYears(10), random);
            return (root, TsaCertificates.IssueTsa(root, algorithm, "EvidenceChain development TSA", now.AddMinutes(-5), now.AddYears(10), random));
        });
        try
        {
            return (TsaCredential.Create(key, certificate), new TsaCertificateChain(chainPem));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the TSA certificate and key cannot be used: {e.Message}", e);
        }
    }
}
