using System.Security.Cryptography;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Timestamping;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Composes the built-in TSA (docs/timestamping.md §The built-in TSA) from section "Tsa": its
/// credential (configured, or the development one in the data directory), policy, accuracy and clock
/// guard. The clock's reference is the machine's own clock only where <see cref="TsaSettings.TrustLocalClock"/>
/// allows it (development mode by default); otherwise, with no reference, every request is refused
/// with timeNotAvailable rather than answered with a time nobody checked.
/// </summary>
internal static partial class TsaComposition
{
    /// <summary>What the local clock claims of itself when it is its own reference.</summary>
    private const string LocalClockSource = "the machine's own clock (not checked against a reference)";

    /// <exception cref="InvalidOperationException">The settings are inconsistent.</exception>
    /// <exception cref="InvalidDataException">A credential file is not usable.</exception>
    public static void Add(IServiceCollection services, TsaSettings settings, SecuritySettings security, string dataDirectory, ILogger logger)
    {
        if (!settings.Enabled)
        {
            return;
        }

        if (settings.Problem() is string problem)
        {
            throw new InvalidOperationException(problem);
        }

        (TsaCredential credential, TsaCertificateChain chain) = TsaCredentialFiles.Load(settings, dataDirectory, TimeProvider.System);
        var authority = new TimestampAuthority(credential, settings.PolicyOid, settings.Accuracy, new ClockGuard(settings.SkewMax, settings.ReadingAgeMax));
        bool trustLocalClock = settings.TrustLocalClock ?? !security.IsMutualTls;
        if (trustLocalClock)
        {
            LogLocalClock(logger);
        }

        services.AddSingleton(chain);
        services.AddSingleton(sp =>
        {
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            return new BuiltInTsa(authority, sp.GetRequiredService<LogIntake>(), time, RandomNumberGenerator.Fill, () => trustLocalClock ? LocalReading(time) : null);
        });
    }

    private static ClockReading LocalReading(TimeProvider time)
    {
        DateTimeOffset now = time.GetUtcNow();
        return new ClockReading(LocalClockSource, now, TimeSpan.Zero, now, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The built-in TSA takes the machine's own clock as its reference (Tsa:TrustLocalClock): its tokens are operator time, unchecked. Configure Tsa:Clock:References for a deployment.")]
    private static partial void LogLocalClock(ILogger logger);
}
