namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>One finished run of a scheduled task.</summary>
/// <param name="Task">The backup job's name, or <c>check:{repository}</c>.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>partial</c> (some files unreadable), <c>failed</c> or <c>cancelled</c>.</param>
public sealed record RunRecord(
    string Task,
    DateTimeOffset ScheduledFor,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Outcome,
    string? SnapshotId,
    int SnapshotsRemoved,
    string? Error);
