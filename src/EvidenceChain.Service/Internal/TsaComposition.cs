using EvidenceChain.Engine.Observability;
using System.Security.Cryptography;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Timestamping;
using EvidenceChain.Service.Internal.Clock;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Composes the built-in TSA (docs/timestamping.md §The built-in TSA) from section "Tsa": its
/// credential (configured, or the development one in the data directory), policy, accuracy and clock
/// guard. The clock's reference is the NTP servers of <c>Tsa:Clock:References</c>, polled by
/// <see cref="ClockReferenceWorker"/>; with none configured, the machine's own clock only where
/// <see cref="TsaSettings.TrustLocalClock"/> allows it (development mode by default); otherwise every
/// request is refused with timeNotAvailable rather than answered with a time nobody checked.
/// </summary>
internal static partial class TsaComposition
{
    /// <summary>What the local clock claims of itself when it is its own reference.</summary>
    private const string LocalClockSource = "the machine's own clock (not checked against a reference)";

    /// <exception cref="InvalidOperationException">The settings are inconsistent.</exception>
    /// <exception cref="InvalidDataException">A credential file is not usable.</exception>
    public static void Add(IServiceCollection services, TsaSettings settings, TsaStampingSettings stamping, ClockReferenceSettings clock, SecuritySettings security, string dataDirectory, ILogger logger)
    {
        bool referencesConfigured = clock.References.Length > 0;
        if (((settings.Enabled ? settings.Problem() ?? (referencesConfigured ? clock.Problem() : null) : null) ?? stamping.Problem()) is string problem)
        {
            throw new InvalidOperationException(problem);
        }

        AddStamping(services, stamping, useBuiltIn: settings.Enabled && (stamping.UseBuiltIn ?? stamping.Authorities.Count == 0));
        if (!settings.Enabled)
        {
            return;
        }

        (TsaCredential credential, TsaCertificateChain chain) = TsaCredentialFiles.Load(settings, dataDirectory, TimeProvider.System);
        var authority = new TimestampAuthority(credential, settings.PolicyOid, settings.Accuracy, new ClockGuard(settings.SkewMax, settings.ReadingAgeMax));
        // With references configured they alone vouch for the clock: a reference that disagrees must stop issuance, never the local clock.
        bool trustLocalClock = !referencesConfigured && (settings.TrustLocalClock ?? !security.IsMutualTls);
        if (trustLocalClock)
        {
            LogLocalClock(logger);
        }

        var references = new ClockReferences();
        if (referencesConfigured)
        {
            services.AddSingleton(clock);
            services.AddSingleton(references);
            services.AddSingleton(sp => new SntpClient(sp.GetRequiredService<TimeProvider>()));
            services.AddHostedService<ClockReferenceWorker>();
        }

        services.AddSingleton(chain);
        services.AddSingleton(sp =>
        {
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            return new BuiltInTsa(authority, sp.GetRequiredService<LogIntake>(), time, RandomNumberGenerator.Fill, () => trustLocalClock ? LocalReading(time) : references.Latest);
        });
    }

    /// <summary>The checkpoint stamper over the outside TSAs configured, and the built-in one when <paramref name="useBuiltIn"/>; none when there is no TSA.</summary>
    private static void AddStamping(IServiceCollection services, TsaStampingSettings stamping, bool useBuiltIn)
    {
        if (stamping.Authorities.Count == 0 && !useBuiltIn)
        {
            return;
        }

        var http = new HttpClient { Timeout = stamping.Timeout };
        services.AddSingleton(sp => new CheckpointStamper(
            sp.GetRequiredService<ILogStore>(),
            sp.GetRequiredService<ITimestampStore>(),
            [
                .. stamping.Authorities.Select(a => (ITimestampAuthorityClient)new HttpTimestampAuthorityClient(a.Name, new Uri(a.Url), http)),
                .. useBuiltIn ? [new BuiltInTsaClient(sp.GetRequiredService<BuiltInTsa>())] : Array.Empty<ITimestampAuthorityClient>(),
            ],
            sp.GetRequiredService<TimeProvider>(),
            RandomNumberGenerator.Fill,
            new CheckpointStamperOptions { Interval = stamping.Interval, PollInterval = stamping.PollInterval },
            sp.GetRequiredService<ILogger<CheckpointStamper>>(),
            sp.GetService<LogMetrics>()));
        services.AddHostedService<CheckpointStamperHostedService>();
    }

    private static ClockReading LocalReading(TimeProvider time)
    {
        DateTimeOffset now = time.GetUtcNow();
        return new ClockReading(LocalClockSource, now, TimeSpan.Zero, now, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The built-in TSA takes the machine's own clock as its reference (Tsa:TrustLocalClock): its tokens are operator time, unchecked. Configure Tsa:Clock:References for a deployment.")]
    private static partial void LogLocalClock(ILogger logger);
}
