namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>The <c>Backups</c> configuration section: what to back up and check, and when.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Backups";

    /// <summary>The time zone the cron schedules are read in (an IANA or Windows id); UTC by default.</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<BackupJobOptions> Jobs { get; } = [];

    public List<CheckJobOptions> Checks { get; } = [];
}
