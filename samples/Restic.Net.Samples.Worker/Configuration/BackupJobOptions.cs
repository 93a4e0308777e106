namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>One scheduled backup: sources into a repository (a client registered under <c>Restic:Repositories</c>).</summary>
public sealed class BackupJobOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The name of the repository client.</summary>
    public string Repository { get; set; } = string.Empty;

    public List<string> Sources { get; } = [];

    public List<string> Excludes { get; } = [];

    public List<string> Tags { get; } = [];

    /// <summary>A cron expression (5 fields, or 6 with seconds first), for example <c>0 2 * * *</c> for 02:00 daily.</summary>
    public string Schedule { get; set; } = string.Empty;

    /// <summary>Applied after every successful backup to the snapshots of the same host and paths; none when null.</summary>
    public RetentionOptions? Retention { get; set; }
}
