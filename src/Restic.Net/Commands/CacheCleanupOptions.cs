namespace Restic.Net;

/// <summary>Options of <c>cache --cleanup</c>.</summary>
public sealed record CacheCleanupOptions
{
    /// <summary>
    /// Removes cache folders unused for longer than this (<c>--max-age</c>, in whole days); null for restic's
    /// 30 days. Not negative, and whole days only (restic counts days).
    /// </summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The whole days restic gets.</summary>
    internal int? MaxAgeDays => MaxAge is { } age ? (int)age.TotalDays : null;

    internal void Validate()
    {
        if (MaxAge is { } age && (age < TimeSpan.Zero || age.Ticks % TimeSpan.TicksPerDay != 0 || age.TotalDays > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAge), age, "MaxAge must be a non-negative whole number of days (restic's --max-age counts days).");
        }
    }
}
