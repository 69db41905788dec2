namespace EvidenceChain.Certificates;

/// <summary>
/// Why a client certificate does not identify a party of the deployment. Members name the rule
/// broken and are listed in the order <see cref="PartyCertificateValidator.Verify"/> checks them:
/// the signature first, so nothing an outsider wrote is read. The numbers are stable (logs and
/// status details carry them) and are never reused.
/// </summary>
public enum PartyCertificateFailure
{
    /// <summary>Nothing failed: the certificate identifies a party.</summary>
    None = 0,

    /// <summary>The client presented no certificate.</summary>
    NoCertificate = 1,

    /// <summary>
    /// The certificate does not chain to the deployment CA: another CA issued it (perhaps one of the
    /// same name), it is self-signed, its signature does not verify, or it is the CA certificate itself.
    /// </summary>
    NotIssuedByDeploymentCa = 2,

    /// <summary>The certificate (or the deployment CA) is not valid yet.</summary>
    NotYetValid = 3,

    /// <summary>The certificate (or the deployment CA) has expired.</summary>
    Expired = 4,

    /// <summary>The certificate's extended key usage lacks clientAuth: it is not for clients (a server certificate, say).</summary>
    NoClientAuthUsage = 5,

    /// <summary>The certificate names no party: no <c>urn:evidencechain:party:</c> URI among its subject alternative names.</summary>
    NoPartyUri = 6,

    /// <summary>The certificate names more than one party URI, so it identifies no one party.</summary>
    SeveralPartyUris = 7,

    /// <summary>The party URI's id is not 32 lowercase hexadecimal digits.</summary>
    MalformedPartyId = 8,
}
