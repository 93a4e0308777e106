namespace Restic.Net;

/// <summary>
/// Which snapshots <c>forget</c> keeps. Counts keep the newest snapshot of each of the last N
/// periods; durations (<c>KeepWithin*</c>) are <see cref="ResticDuration"/>s in restic's calendar units, such as <c>1y5m7d2h</c>.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>A common policy: 7 daily, 4 weekly, 6 monthly and 2 yearly snapshots.</summary>
    public static RetentionPolicy Default { get; } = new() { KeepDaily = 7, KeepWeekly = 4, KeepMonthly = 6, KeepYearly = 2 };

    /// <summary>Keep the last N snapshots (<c>--keep-last</c>).</summary>
    public int? KeepLast { get; init; }

    /// <summary>Keep the last snapshot of each of the last N hours (<c>--keep-hourly</c>).</summary>
    public int? KeepHourly { get; init; }

    /// <summary>Keep the last snapshot of each of the last N days (<c>--keep-daily</c>).</summary>
    public int? KeepDaily { get; init; }

    /// <summary>Keep the last snapshot of each of the last N weeks (<c>--keep-weekly</c>).</summary>
    public int? KeepWeekly { get; init; }

    /// <summary>Keep the last snapshot of each of the last N months (<c>--keep-monthly</c>).</summary>
    public int? KeepMonthly { get; init; }

    /// <summary>Keep the last snapshot of each of the last N years (<c>--keep-yearly</c>).</summary>
    public int? KeepYearly { get; init; }

    /// <summary>Keep all snapshots newer than this duration before the latest one (<c>--keep-within</c>).</summary>
    public ResticDuration? KeepWithin { get; init; }

    /// <summary>Keep the last snapshot of each hour within this duration before the latest snapshot (<c>--keep-within-hourly</c>).</summary>
    public ResticDuration? KeepWithinHourly { get; init; }

    /// <summary>Keep the last snapshot of each day within this duration before the latest snapshot (<c>--keep-within-daily</c>).</summary>
    public ResticDuration? KeepWithinDaily { get; init; }

    /// <summary>Keep the last snapshot of each week within this duration before the latest snapshot (<c>--keep-within-weekly</c>).</summary>
    public ResticDuration? KeepWithinWeekly { get; init; }

    /// <summary>Keep the last snapshot of each month within this duration before the latest snapshot (<c>--keep-within-monthly</c>).</summary>
    public ResticDuration? KeepWithinMonthly { get; init; }

    /// <summary>Keep the last snapshot of each year within this duration before the latest snapshot (<c>--keep-within-yearly</c>).</summary>
    public ResticDuration? KeepWithinYearly { get; init; }

    /// <summary>
    /// Keeps the snapshots that have any of these tag sets (<c>--keep-tag</c>). An entry is one tag, or
    /// several joined by commas that must all be present: <c>["a,b"]</c> keeps snapshots tagged both a
    /// and b, <c>["a", "b"]</c> those tagged a or b. As <see cref="SnapshotFilter.Tags"/>.
    /// </summary>
    public IReadOnlyList<string> KeepTags { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(KeepTags)); }

    /// <summary>
    /// Whether the policy keeps nothing by any rule: no rule set, or only counts of 0, which restic reads as
    /// unset (0.14 then removes nothing without a word, 0.17+ refuses: "no policy was specified").
    /// </summary>
    public bool IsEmpty =>
        KeepLast is null or 0 && KeepHourly is null or 0 && KeepDaily is null or 0 && KeepWeekly is null or 0 && KeepMonthly is null or 0 &&
        KeepYearly is null or 0 && KeepWithin is null && KeepWithinHourly is null && KeepWithinDaily is null &&
        KeepWithinWeekly is null && KeepWithinMonthly is null && KeepWithinYearly is null && KeepTags.Count == 0;

    internal void Validate()
    {
        Guard.NotNegative(KeepLast);
        Guard.NotNegative(KeepHourly);
        Guard.NotNegative(KeepDaily);
        Guard.NotNegative(KeepWeekly);
        Guard.NotNegative(KeepMonthly);
        Guard.NotNegative(KeepYearly);
        Duration(KeepWithin);
        Duration(KeepWithinHourly);
        Duration(KeepWithinDaily);
        Duration(KeepWithinWeekly);
        Duration(KeepWithinMonthly);
        Duration(KeepWithinYearly);
        Guard.TagSets(KeepTags);
        if (IsEmpty)
        {
            throw new ArgumentException(
                "The retention policy keeps nothing. Set at least one Keep* rule (restic 0.14-0.16 would do nothing, 0.17+ refuses).",
                "policy");
        }
    }

    private static void Duration(ResticDuration? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is { IsEmpty: true })
        {
            throw new ArgumentException($"{name} is default(ResticDuration): use a ResticDuration with a part above 0, or null.", name);
        }
    }
}
