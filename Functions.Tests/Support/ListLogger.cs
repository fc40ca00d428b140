using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Tests.Support;

/// <summary>Keeps every log entry with its structured properties, so tests can assert on what operators will see.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, _entries);

    public void Dispose() { }

    private sealed class ListLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception),
                properties.ToDictionary(p => p.Key, p => p.Value), exception));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
{
    /// <summary>The message template (<c>{OriginalFormat}</c>), stable across values.</summary>
    public string? Template => Properties.TryGetValue("{OriginalFormat}", out var t) ? t as string : null;
}
