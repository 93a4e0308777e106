using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>What ran and how it ended; read by the health check, and awaitable by tests and tools.</summary>
internal sealed class RunHistory
{
    private readonly ConcurrentDictionary<string, RunRecord> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BackupProgress> _running = new(StringComparer.Ordinal);
    private readonly Channel<RunRecord> _finished = Channel.CreateUnbounded<RunRecord>();
    private readonly Channel<string> _started = Channel.CreateUnbounded<string>();

    public IReadOnlyDictionary<string, RunRecord> Last => _last;

    /// <summary>The latest progress of each backup that is running now.</summary>
    public IReadOnlyDictionary<string, BackupProgress> Running => _running;

    /// <summary>Every finished run, in order.</summary>
    public ChannelReader<RunRecord> Finished => _finished.Reader;

    /// <summary>The name of every task as it starts.</summary>
    public ChannelReader<string> Started => _started.Reader;

    public void Start(string task) => _started.Writer.TryWrite(task);

    public void Report(string task, BackupProgress progress) => _running[task] = progress;

    public void Record(RunRecord record)
    {
        _running.TryRemove(record.Task, out _);
        _last[record.Task] = record;
        _finished.Writer.TryWrite(record);
    }
}
