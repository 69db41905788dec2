namespace EvidenceChain.Service.Internal;

/// <summary>
/// Deposit certificates (configuration section "DepositCertificates"; docs/deposit-certificate.md §Issued by the
/// service). With no certificate files configured, the service makes a development document-signing certificate
/// under its own root in the data directory at first start: fine for development and tests; a notary office
/// configures the certificate its CA issued.
/// </summary>
internal sealed class CertificateSettings
{
    /// <summary>The operator's name as printed on every certificate.</summary>
    public string? OperatorName { get; set; }

    /// <summary>The operator's filing details (registration, ICP filing) as printed.</summary>
    public string? Filing { get; set; }

    /// <summary>The notary's document-signing certificate (PEM) and its private key (PEM PKCS #8, mode 0600): both or neither.</summary>
    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>The development signing key's algorithm when the service makes one: ecdsa-p256 (default) or sm2.</summary>
    public string Algorithm { get; set; } = "ecdsa-p256";

    /// <summary>PEM files of outside TSAs' roots whose tokens the certificates show; the built-in TSA's is added (as operator time) when it runs.</summary>
    public string[] TsaRootFiles { get; set; } = [];

    /// <summary>How long an issue waits for its record's checkpoint: 30 s unless configured.</summary>
    public TimeSpan CheckpointWaitMax { get; set; } = TimeSpan.FromSeconds(30);

    public string? Problem()
    {
        if ((CertificateFile is null) != (KeyFile is null))
        {
            return "DepositCertificates:CertificateFile and DepositCertificates:KeyFile go together: the notary's signing certificate and its key.";
        }

        if (Algorithm is not ("ecdsa-p256" or "sm2"))
        {
            return $"DepositCertificates:Algorithm '{Algorithm}' is neither ecdsa-p256 nor sm2.";
        }

        return CheckpointWaitMax <= TimeSpan.Zero ? "DepositCertificates:CheckpointWaitMax must be positive." : null;
    }
}
