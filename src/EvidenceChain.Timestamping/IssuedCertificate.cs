using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping;

/// <summary>A certificate made by <see cref="TsaCertificates"/> with its private key.</summary>
public sealed record IssuedCertificate(X509Certificate Certificate, AsymmetricKeyParameter PrivateKey)
{
    /// <summary>The certificate as a PEM "CERTIFICATE" block, as <c>openssl</c> reads it.</summary>
    public string CertificatePem => ToPem(Certificate);

    /// <summary>The private key as a PEM PKCS #8 "PRIVATE KEY" block (unencrypted: for development only).</summary>
    public string PrivateKeyPem => ToPem(PrivateKeyInfoFactory.CreatePrivateKeyInfo(PrivateKey));

    private static string ToPem(object value)
    {
        using var text = new StringWriter();
        using (var writer = new PemWriter(text))
        {
            writer.WriteObject(value);
        }

        return text.ToString();
    }
}
