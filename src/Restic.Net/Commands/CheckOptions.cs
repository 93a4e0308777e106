using System.Globalization;

namespace Restic.Net;

/// <summary>Options of <c>check</c>.</summary>
public sealed record CheckOptions
{
    /// <summary>Reads and verifies all pack files (<c>--read-data</c>); slow on large repositories.</summary>
    public bool ReadData { get; init; }

    /// <summary>
    /// Reads and verifies a subset of the pack files (<c>--read-data-subset</c>): <c>n/t</c>, a
    /// percentage such as <c>10%</c>, or a size such as <c>1G</c>. Cannot be combined with <see cref="ReadData"/>.
    /// </summary>
    public string? ReadDataSubset { get; init; }

    /// <summary>Uses the local cache instead of a fresh temporary one (<c>--with-cache</c>).</summary>
    public bool WithCache { get; init; }

    /// <summary>
    /// Checks only the data of these snapshots, by id (restic 0.19+); empty for the whole repository.
    /// Older versions throw <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>
    /// Checks only the data of the snapshots that match the filter (restic 0.19+). Older versions throw
    /// <see cref="ResticNotSupportedException"/>.
    /// </summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>Whether the check is limited to some snapshots (restic 0.19+).</summary>
    internal bool SelectsSnapshots => Snapshots.Count > 0 || Filter is not null;

    internal void Validate()
    {
        Guard.Snapshots(Snapshots);

        Guard.NoNul(ReadDataSubset);
        if (ReadData && ReadDataSubset is not null)
        {
            throw new ArgumentException("ReadData and ReadDataSubset cannot be combined.", nameof(ReadDataSubset));
        }

        if (ReadDataSubset is { } subset && !IsSubset(subset))
        {
            // restic would fail only after opening the repository, with its own parse error.
            throw new ArgumentException(
                $"ReadDataSubset is 'n/t' (1 <= n <= t, for example 1/5), a percentage above 0 and up to 100 (for example 10%), or a size with a k, m, g or t suffix (for example 500m); got '{subset}'.",
                nameof(ReadDataSubset));
        }
    }

    private static bool IsSubset(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return int.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && n >= 1 && n <= t;
        }

        if (value.EndsWith('%'))
        {
            return double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                && percent > 0 && percent <= 100;
        }

        // A size needs its unit: restic 0.14-0.19 refuse a bare number (measured).
        return value.Length > 1 && "kKmMgGtT".Contains(value[^1], StringComparison.Ordinal)
            && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0;
    }
}
