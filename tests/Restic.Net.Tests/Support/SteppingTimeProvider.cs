using Microsoft.Extensions.Time.Testing;

namespace Restic.Net.Tests.Support;

/// <summary>
/// A fake clock that moves only when the code under test waits on it: <see cref="RunUntilCompletedAsync"/> jumps to
/// the next timer the code created, so a wait of seconds takes none and the elapsed time is exact however
/// loaded the machine is. Only for code whose every timer is a wait it means (here: the retry delays).
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly List<DateTimeOffset> _due = [];

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_due)
        {
            _due.Add(_fake.GetUtcNow() + dueTime);
        }

        return _fake.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Moves the clock by <paramref name="delta"/>, firing the timers due by then.</summary>
    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Lets the task run, moving the clock to each timer it waits on; at most 30 s of real time.</summary>
    public async Task RunUntilCompletedAsync(Task task)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The task waited for something other than this clock.");
            }

            DateTimeOffset? next = null;
            lock (_due)
            {
                if (_due.Count > 0)
                {
                    next = _due.Min();
                    _due.Remove(next.Value);
                }
            }

            if (next is { } due)
            {
                var delta = due - _fake.GetUtcNow();
                _fake.Advance(delta > TimeSpan.Zero ? delta : TimeSpan.Zero);
            }
            else
            {
                await Task.WhenAny(task, Task.Delay(5));
            }
        }
    }
}
