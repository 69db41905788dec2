using EvidenceChain.Engine.Observability;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Section "Metrics" (docs/operations.md §Metrics): whether the public listener serves the Prometheus
/// scrape endpoint <see cref="ScrapePath"/>, and when a promise counts as broken.
/// </summary>
internal sealed class MetricsSettings
{
    /// <summary>Where the public listener serves the metrics in the Prometheus text format.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Serve <see cref="ScrapePath"/>; null for the mode's default: on in development, off in mtls mode,
    /// where the public listener faces the world and an operator opens it deliberately (it shows counts
    /// and ages only, but traffic volume is the office's business).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>How long after acceptance a batch must be in a signed checkpoint before its promise counts as broken.</summary>
    public TimeSpan PromiseDeadline { get; set; } = LogMetrics.PromiseDeadlineDefault;

    public bool IsEnabled(SecuritySettings security)
    {
        ArgumentNullException.ThrowIfNull(security);
        return Enabled ?? !security.IsMutualTls;
    }

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem() =>
        PromiseDeadline <= TimeSpan.Zero ? "Metrics:PromiseDeadline must be positive (for example 00:01:00)." : null;
}
