using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SortStation.Testing;

/// <summary>A logger that keeps every entry with its level and time, for "logged once" and "never logged" assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IReadOnlyList<string> Messages => [.. _entries.Select(e => e.Message)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(DateTimeOffset.UtcNow, logLevel, formatter(state, exception)));

    public int Count(string contains) => Entries.Count(e => e.Message.Contains(contains, StringComparison.Ordinal));
}

/// <summary>One logged line: when (wall clock), how severe, what.</summary>
public sealed record LogEntry(DateTimeOffset At, LogLevel Level, string Message);
