namespace EvidenceChain.Service.Internal;

/// <summary>
/// The built-in TSA (configuration section "Tsa"; docs/timestamping.md §The built-in TSA). With no
/// certificate files configured, the service makes a development TSA certificate under its own root in
/// the data directory at first start: fine for development and tests, never evidence a court should
/// weigh as independent (nor is any token of the operator's own TSA).
/// </summary>
internal sealed class TsaSettings
{
    /// <summary>
    /// A policy OID of our own under the UUID arc 2.25 (ITU-T X.667: no registration needed), named in
    /// every token and the only one served; a deployment with a registered policy sets its own.
    /// </summary>
    public const string PolicyOidDefault = "2.25.326783749558368311111193446806714739097";

    /// <summary>Whether <c>POST /tsa</c> answers on the public listener (default yes).</summary>
    public bool Enabled { get; set; } = true;

    public string PolicyOid { get; set; } = PolicyOidDefault;

    /// <summary>The accuracy every token states: 1 s unless configured; at least <see cref="SkewMax"/>.</summary>
    public TimeSpan Accuracy { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The TSA refuses to issue while its clock may be further than this from the reference: 1 s unless configured.</summary>
    public TimeSpan SkewMax { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A reference reading older than this no longer vouches for the clock: 10 minutes unless configured.</summary>
    public TimeSpan ReadingAgeMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether to take the machine's own clock as the reference when no reference answers: true by
    /// default in development mode only, where loopback may be all there is; a deployment configures
    /// NTP references (Tsa:Clock:References) and leaves this false, so a wrong clock stops issuance.
    /// </summary>
    public bool? TrustLocalClock { get; set; }

    /// <summary>A CA-issued TSA certificate (PEM) and its private key (PEM PKCS #8, mode 0600); both or neither.</summary>
    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>The development TSA's key algorithm when the service makes one: ecdsa-p256 (default) or sm2.</summary>
    public string Algorithm { get; set; } = "ecdsa-p256";

    public string? Problem()
    {
        if ((CertificateFile is null) != (KeyFile is null))
        {
            return "Tsa:CertificateFile and Tsa:KeyFile go together: the TSA certificate and its key.";
        }

        if (Algorithm is not ("ecdsa-p256" or "sm2"))
        {
            return $"Tsa:Algorithm '{Algorithm}' is neither ecdsa-p256 nor sm2.";
        }

        return Accuracy < SkewMax
            ? $"Tsa:Accuracy ({Accuracy}) is tighter than Tsa:SkewMax ({SkewMax}): a token would claim more than the clock is held to."
            : null;
    }
}
