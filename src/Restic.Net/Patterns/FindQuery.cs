namespace Restic.Net.Patterns;

/// <summary>
/// What <c>restic find</c> matches a node against: its patterns (lower-cased with the path when case is ignored) and
/// the modification-time bounds, which restic receives to the second.
/// </summary>
internal sealed class FindQuery
{
    private readonly ResticPathPattern[] _patterns;
    private readonly DateTimeOffset? _oldest;
    private readonly DateTimeOffset? _newest;

    private FindQuery(ResticPathPattern[] patterns, bool ignoreCase, DateTimeOffset? oldest, DateTimeOffset? newest)
    {
        _patterns = patterns;
        IgnoreCase = ignoreCase;
        _oldest = oldest;
        _newest = newest;
    }

    public bool IgnoreCase { get; }

    /// <summary>The query, after the checks the client makes before restic starts.</summary>
    /// <exception cref="ArgumentException">No pattern, an empty or malformed one, or invalid options.</exception>
    public static FindQuery Create(IReadOnlyList<string> patterns, FindOptions options)
    {
        options.Validate();
        var parsed = Parse(patterns, options.IgnoreCase);
        return new FindQuery(parsed, options.IgnoreCase, WholeSeconds(options.Oldest), WholeSeconds(options.Newest));
    }

    /// <summary>Refuses what restic would refuse or misread: no pattern, an empty one, a malformed glob.</summary>
    public static void Validate(IReadOnlyList<string> patterns) => Parse(patterns, ignoreCase: false);

    private static ResticPathPattern[] Parse(IReadOnlyList<string> patterns, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("At least one pattern is required.", nameof(patterns));
        }

        Guard.Items(patterns);
        try
        {
            return [.. patterns.Select(p => ResticPathPattern.Parse(ignoreCase ? p.ToLowerInvariant() : p))];
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(patterns), exception);
        }
    }

    public bool Matches(string[] path) => Array.Exists(_patterns, p => p.Matches(path));

    public bool ChildMayMatch(string[] folder) => Array.Exists(_patterns, p => p.ChildMayMatch(folder));

    public bool IsInTime(DateTimeOffset modified) => !(modified < _oldest) && !(modified > _newest);

    // restic gets the bounds as local "yyyy-MM-dd HH:mm:ss" (ResticFormat.Time): whole seconds.
    private static DateTimeOffset? WholeSeconds(DateTimeOffset? time) =>
        time is { } t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond)) : null;
}
