using System.Runtime.CompilerServices;

namespace Restic.Net;

/// <summary>Validation of client input; it throws before any process starts.</summary>
internal static class Guard
{
    /// <summary>
    /// A command that changes snapshots needs an explicit selection: ids, a filter that selects, or
    /// "all". restic changes every snapshot when given none, and each changed snapshot gets a new id.
    /// </summary>
    public static void Selection(IReadOnlyList<string> snapshots, SnapshotFilter? filter, bool allSnapshots, string operation)
    {
        var filtered = filter is { } f && (f.Hosts.Count + f.Tags.Count + f.Paths.Count) > 0;
        if (allSnapshots && (snapshots.Count > 0 || filtered))
        {
            throw new ArgumentException($"AllSnapshots cannot be combined with Snapshots or a Filter: {operation} either every snapshot or a selection.", nameof(allSnapshots));
        }

        if (!allSnapshots && snapshots.Count == 0 && !filtered)
        {
            throw new ArgumentException(
                $"Select the snapshots to {operation}: Snapshots, a Filter, or AllSnapshots = true (restic would change every snapshot of the repository, giving each a new id).",
                nameof(snapshots));
        }
    }

    public static void NotNullOrEmptyNoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        NoNul(value, name);
    }

    public static void NoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The value must not contain a NUL character.", name);
        }
    }

    public static void Items(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("The list must not contain null or empty values.", name);
            }

            NoNul(value, name);
        }
    }

    /// <summary>Tags, host names and similar labels: no NUL and no line break.</summary>
    public static void Labels(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        Items(values, name);
        foreach (var value in values ?? [])
        {
            SingleLine(value, name);
        }
    }

    /// <summary>
    /// Tags that each name one tag (a backup's, <c>tag --add</c>): restic splits a value at commas, so
    /// <c>a,b</c> would silently become two tags. Rejected; pass them as two entries.
    /// </summary>
    public static void Tags(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        Labels(values, name);
        foreach (var value in values ?? [])
        {
            if (value.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The tag '{value}' contains a comma, which restic reads as two tags: pass each tag as its own entry.", name);
            }
        }
    }

    /// <summary>
    /// Tag sets that select snapshots (<c>--tag a,b</c>, <c>--keep-tag a,b</c>): a comma joins tags that
    /// must all be present. Every part must be a tag: no empty part.
    /// </summary>
    public static void TagSets(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        Labels(values, name);
        foreach (var value in values ?? [])
        {
            if (value.Split(',').Any(part => part.Length == 0))
            {
                throw new ArgumentException($"The tag set '{value}' has an empty tag: a comma joins tags that must all be present, as in 'a,b'.", name);
            }
        }
    }

    public static void SingleLine(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NoNul(value, name);
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The value must not contain a line break.", name);
        }
    }

    /// <summary>
    /// A snapshot as restic takes it: <c>latest</c> or a hex id (prefix of at least 4 characters), optionally
    /// followed by <c>:subfolder</c> (restic 0.16+).
    /// </summary>
    public static void SnapshotReference(string value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotNullOrEmptyNoNul(value, name);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var id = colon < 0 ? value : value[..colon];
        var isHex = id.Length is >= 4 and <= 64 && id.All(char.IsAsciiHexDigit);
        if (id != "latest" && !isHex)
        {
            throw new ArgumentException(
                $"A snapshot is 'latest' or a hexadecimal snapshot id (at least 4 characters), optionally followed by ':subfolder'; got '{value}'.",
                name);
        }
    }

    public static void NotNegative(int? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must not be negative.");
        }
    }

    public static void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
        }
    }
}
