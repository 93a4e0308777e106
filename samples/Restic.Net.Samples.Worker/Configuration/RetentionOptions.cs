namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>The keep policy applied after each backup (<c>restic forget</c>), and whether to prune.</summary>
public sealed class RetentionOptions
{
    public int? KeepLast { get; set; }

    public int? KeepHourly { get; set; }

    public int? KeepDaily { get; set; }

    public int? KeepWeekly { get; set; }

    public int? KeepMonthly { get; set; }

    public int? KeepYearly { get; set; }

    /// <summary>
    /// Also keeps every snapshot this recent, in restic's syntax (<c>1y6m</c>, <c>30d</c>); parsed by
    /// <see cref="WorkerOptionsValidator"/> with <see cref="ResticDuration.TryParse"/> (see <see cref="CheckJobOptions.ReadDataSubset"/> for why a string).
    /// </summary>
    public string? KeepWithin { get; set; }

    /// <summary>Also delete the data no snapshot references any more (<c>--prune</c>).</summary>
    public bool Prune { get; set; } = true;

    public RetentionPolicy ToPolicy() => new()
    {
        KeepLast = KeepLast,
        KeepHourly = KeepHourly,
        KeepDaily = KeepDaily,
        KeepWeekly = KeepWeekly,
        KeepMonthly = KeepMonthly,
        KeepYearly = KeepYearly,
        KeepWithin = KeepWithin is { } within ? ResticDuration.Parse(within) : null,
    };
}
