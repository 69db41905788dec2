using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>How the tests' clients trust the service: its certificate must chain to the deployment CA, and nothing else.</summary>
internal static class DeploymentTrust
{
    public static RemoteCertificateValidationCallback IssuedBy(X509Certificate2 ca) => (_, certificate, _, _) =>
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    };
}
