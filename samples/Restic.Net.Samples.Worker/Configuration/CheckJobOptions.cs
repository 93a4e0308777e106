namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>A scheduled integrity check of a repository.</summary>
public sealed class CheckJobOptions
{
    public string Repository { get; set; } = string.Empty;

    /// <summary>A cron expression, for example <c>0 4 * * 0</c> for Sundays at 04:00.</summary>
    public string Schedule { get; set; } = string.Empty;

    /// <summary>Also reads this part of the data, for example <c>10%</c> or <c>1/7</c>; metadata only when null.</summary>
    public string? ReadDataSubset { get; set; }
}
