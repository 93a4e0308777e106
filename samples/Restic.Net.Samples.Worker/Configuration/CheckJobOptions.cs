namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>A scheduled integrity check of a repository.</summary>
public sealed class CheckJobOptions
{
    public string Repository { get; set; } = string.Empty;

    /// <summary>A cron expression, for example <c>0 4 * * 0</c> for Sundays at 04:00.</summary>
    public string Schedule { get; set; } = string.Empty;

    /// <summary>
    /// Also reads this part of the data, in restic's syntax (<c>10%</c>, <c>1/7</c>, <c>500M</c>); metadata only when null.
    /// A string, parsed by <see cref="WorkerOptionsValidator"/> with <see cref="Restic.Net.ReadDataSubset.TryParse"/>:
    /// bound as a <see cref="Restic.Net.ReadDataSubset"/>, a value that does not parse would make the configuration
    /// binder drop the whole check from the list without a word.
    /// </summary>
    public string? ReadDataSubset { get; set; }

    /// <summary>The subset as Restic.Net takes it; the validator has checked it at start.</summary>
    public ReadDataSubset? ToSubset() => ReadDataSubset is { } subset ? Restic.Net.ReadDataSubset.Parse(subset) : null;
}
