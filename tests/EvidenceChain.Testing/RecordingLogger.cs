using Microsoft.Extensions.Logging;

namespace EvidenceChain.Testing;

/// <summary>Keeps every log entry, so a test can check what was reported and that nothing else went wrong.</summary>
public class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>A <see cref="RecordingLogger"/> for a class that asks for its own <see cref="ILogger{T}"/>.</summary>
public sealed class RecordingLogger<T> : RecordingLogger, ILogger<T>;
