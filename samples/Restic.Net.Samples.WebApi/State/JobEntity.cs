namespace Restic.Net.Samples.WebApi.State;

/// <summary>A job as every instance sees it: its state, who started it, where it runs, and its final result.</summary>
internal sealed class JobEntity
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Repository { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string StartedBy { get; set; } = string.Empty;

    /// <summary>The instance that runs the job (<see cref="StateOptions.InstanceName"/>).</summary>
    public string Instance { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The result as JSON (snake_case, as the API returns it); null while running or after a failure.</summary>
    public string? ResultJson { get; set; }

    /// <summary>The failure as problem-details JSON.</summary>
    public string? ErrorJson { get; set; }

    /// <summary>
    /// The job's last progress event as JSON, written by the running instance at most once a
    /// <see cref="Jobs.JobStore.PollInterval"/>, so that every instance can stream it.
    /// </summary>
    public string? ProgressJson { get; set; }

    /// <summary>The event number (SSE id) of <see cref="ProgressJson"/>; 0 before the first report.</summary>
    public long ProgressSequence { get; set; }

    /// <summary>
    /// When the running instance last showed it was alive: written once a <see cref="Jobs.JobStore.PollInterval"/>
    /// while the job runs (null in rows from before this column: their <see cref="CreatedAt"/> counts). A running job
    /// not shown alive for <see cref="StateOptions.JobLostAfter"/> is marked failed by another instance.
    /// </summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>Set by any instance that was asked to cancel; the running instance sees it within a second.</summary>
    public bool CancelRequested { get; set; }
}
