using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>An ILogger that keeps every entry with its time, for asserting on what the station logs.</summary>
public sealed class LogCapture<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(DateTimeOffset.UtcNow, logLevel, formatter(state, exception)));
}
