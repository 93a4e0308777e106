using Cronos;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>A cron schedule and the work it starts; <see cref="Next"/> is the next due time.</summary>
internal sealed class ScheduledTask(string name, CronExpression schedule, TimeZoneInfo zone, Func<DateTimeOffset, CancellationToken, Task> run)
{
    public string Name { get; } = name;

    public DateTimeOffset? Next { get; private set; }

    public Func<DateTimeOffset, CancellationToken, Task> Run { get; } = run;

    /// <summary>Moves <see cref="Next"/> to the first occurrence after <paramref name="after"/>: missed runs are not replayed.</summary>
    public void Advance(DateTimeOffset after) => Next = schedule.GetNextOccurrence(after, zone);
}
