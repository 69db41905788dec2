using EvidenceChain.Core.Access;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Who callers are (section "Security"). <see cref="Mode"/> <c>development</c> (the default, loopback
/// only): every caller acts as one development party of <see cref="DevelopmentRole"/>, and request
/// keys it has not seen are bound to that party on first use. <c>mtls</c>: callers present a client
/// certificate issued by the deployment CA (<c>evidencechain ca</c>), mapped to its registered party;
/// request keys must have been bound to that party by the office.
/// </summary>
internal sealed class SecuritySettings
{
    public const string Development = "development";
    public const string MutualTls = "mtls";

    public string Mode { get; set; } = Development;

    /// <summary>The role loopback callers act as in development mode; the notary office by default.</summary>
    public PartyRole DevelopmentRole { get; set; } = PartyRole.NotaryOffice;

    /// <summary>mtls: the deployment CA's certificate (PEM); callers' certificates must chain to it alone.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>mtls: the service's certificate and its 0600 private key (PEM), from <c>evidencechain ca issue-server</c>.</summary>
    public string? ServerCertificate { get; set; }

    public string? ServerKey { get; set; }

    /// <summary>Each party's sustained calls per second (a stream's messages count one each).</summary>
    public int CallsPerSecondPerParty { get; set; } = 5000;

    /// <summary>How many calls a party may make at once above its rate, after a quiet spell.</summary>
    public int CallBurstPerParty { get; set; } = 10000;

    public bool IsMutualTls => Mode.ToLowerInvariant() switch
    {
        Development => false,
        MutualTls => true,
        _ => throw new InvalidOperationException($"Security:Mode is '{Mode}'; use development or mtls."),
    };
}
