using System.Collections.Concurrent;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// What the TSA knows of its clock: the latest good reading, which it passes to
/// <see cref="TimestampAuthority.Respond"/>, and why each failing reference failed last, so a health
/// check can say why the clock is not trusted. <see cref="ClockReferenceWorker"/> writes; anyone reads.
/// </summary>
internal sealed class ClockReferences
{
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    // A reading is immutable, so replacing it is one reference write that readers see whole.
    private volatile ClockReading? _latest;

    /// <summary>The best reading of the last round that had one; null before the first.</summary>
    public ClockReading? Latest => _latest;

    /// <summary>Each reference that failed at its last poll, by source, with the sentence saying why.</summary>
    public IReadOnlyDictionary<string, string> Failures => _failures;

    public void Record(ClockReading reading) => _latest = reading;

    /// <summary>Notes that <paramref name="source"/> failed; true when that is news (it answered before, or failed otherwise).</summary>
    public bool RecordFailure(string source, string reason)
    {
        bool isNews = !_failures.TryGetValue(source, out string? previous) || previous != reason;
        _failures[source] = reason;
        return isNews;
    }

    /// <summary>Notes that <paramref name="source"/> answered; true when it had been failing.</summary>
    public bool RecordAnswer(string source) => _failures.TryRemove(source, out _);
}
