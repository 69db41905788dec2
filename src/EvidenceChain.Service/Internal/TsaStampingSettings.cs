using EvidenceChain.Engine.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Which TSAs stamp checkpoints (section "Tsa:Stamping"; docs/timestamping.md §Checkpoint stamps). With
/// no outside TSA configured, the built-in one does (the development default); a deployment lists
/// independent ones, e.g. <c>Tsa:Stamping:Authorities:0:Name=cnnic</c>, <c>…:0:Url=https://…/tsa</c>.
/// </summary>
internal sealed class TsaStampingSettings
{
    public TimeSpan Interval { get; set; } = new CheckpointStamperOptions().Interval;

    public TimeSpan PollInterval { get; set; } = new CheckpointStamperOptions().PollInterval;

    /// <summary>How long one TSA has to answer: 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public List<TsaAuthoritySettings> Authorities { get; set; } = [];

    /// <summary>Whether the built-in TSA also stamps; by default only when no outside TSA is configured.</summary>
    public bool? UseBuiltIn { get; set; }

    public string? Problem()
    {
        foreach (TsaAuthoritySettings authority in Authorities)
        {
            if (string.IsNullOrWhiteSpace(authority.Name) || authority.Name == BuiltInTsaClient.BuiltInName || authority.Name.Length > 64)
            {
                return $"Tsa:Stamping:Authorities: each TSA has a name of 1 to 64 characters other than '{BuiltInTsaClient.BuiltInName}'; got '{authority.Name}'.";
            }

            if (!Uri.TryCreate(authority.Url, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return $"Tsa:Stamping:Authorities: the TSA {authority.Name} has no http(s) Url ('{authority.Url}').";
            }
        }

        return Authorities.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != Authorities.Count
            ? "Tsa:Stamping:Authorities: two TSAs have the same name."
            : null;
    }
}

/// <summary>One outside TSA: its name in receipts and where it answers RFC 3161 over HTTP.</summary>
internal sealed class TsaAuthoritySettings
{
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;
}
