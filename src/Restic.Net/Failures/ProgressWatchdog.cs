using System.Buffers;
using System.Text.Json;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net.Failures;

/// <summary>
/// Stops a command that makes no progress: no stdout line for the timeout, where a status line that
/// repeats the previous counters (only its clock moved) does not count. restic keeps printing such
/// lines while it retries a backend that is down, so plain output is not a sign of life.
/// </summary>
internal sealed class ProgressWatchdog : IResticOutputSink, IDisposable
{
    private readonly IResticOutputSink _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop;
    private readonly ITimer _timer;
    private long _lastProgress;
    private int _lastStatusKey;
    private int _fired;

    public ProgressWatchdog(IResticOutputSink inner, TimeSpan timeout, TimeProvider time, CancellationTokenSource stop)
    {
        _inner = inner;
        _timeout = timeout;
        _time = time;
        _stop = stop;
        _lastProgress = time.GetTimestamp();
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 10, timeout.Ticks / 4));
        _timer = time.CreateTimer(static state => ((ProgressWatchdog)state!).Check(), this, period, period);
    }

    /// <summary>Whether the watchdog stopped the command.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
        if (IsProgress(line))
        {
            Interlocked.Exchange(ref _lastProgress, _time.GetTimestamp());
        }

        _inner.OnStandardOutputLine(line);
    }

    public void OnStandardErrorLine(string line) => _inner.OnStandardErrorLine(line);

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastProgress)) >= _timeout && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            _timer.Dispose();
            _stop.Cancel();
        }
    }

    private bool IsProgress(ReadOnlySpan<byte> line)
    {
        if (!JsonLine.TryGetMessageType(line, out var type) || type != MessageTypes.Status)
        {
            return !line.IsEmpty;
        }

        var key = StatusKey(line);
        return Interlocked.Exchange(ref _lastStatusKey, key) != key;
    }

    /// <summary>A hash of a status line's values except its clock (<c>seconds_elapsed</c>, <c>seconds_remaining</c>).</summary>
    private static int StatusKey(ReadOnlySpan<byte> line)
    {
        var hash = new HashCode();
        var reader = new Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 &&
                    (reader.ValueTextEquals("seconds_elapsed"u8) || reader.ValueTextEquals("seconds_remaining"u8)))
                {
                    reader.Read();
                    continue;
                }

                hash.AddBytes(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            }
        }
        catch (JsonException)
        {
            // A broken line still hashes what was read.
        }

        return hash.ToHashCode();
    }
}
