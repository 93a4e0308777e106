using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Restic.Net.Tests.Support;

/// <summary>One captured log entry: level, event, rendered message and structured properties.</summary>
internal sealed record CapturedLog(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public object? this[string property] => Properties.TryGetValue(property, out var value) ? value : null;

    /// <summary>The message and every property value as text, for secret scans.</summary>
    public string AllText => Message + "\n" + string.Join("\n", Properties.Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>A logger factory that records every entry at every level, including Trace.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        _entries.Enqueue(new CapturedLog(logLevel, eventId, formatter(state, exception), properties));
    }
}
