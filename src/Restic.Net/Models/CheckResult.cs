namespace Restic.Net;

/// <summary>
/// The result of <c>check</c>. A repository with errors is a result (<see cref="IsHealthy"/> false,
/// <see cref="Errors"/> listed), not an exception; a check that could not run throws.
/// </summary>
public sealed record CheckResult
{
    /// <summary>Whether restic found no error.</summary>
    public bool IsHealthy => ErrorCount == 0;

    /// <summary>The number of errors restic counted (at least <see cref="Errors"/>.Count).</summary>
    public int ErrorCount { get; init; }

    /// <summary>The error messages restic printed.</summary>
    public IReadOnlyList<string> Errors { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Errors)); }

    /// <summary>Pack files that are damaged (restic 0.18+ reports them; run <c>repair packs</c>).</summary>
    public IReadOnlyList<string> BrokenPacks { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(BrokenPacks)); }

    /// <summary>restic suggests running <c>repair index</c>.</summary>
    public bool SuggestRepairIndex { get; init; }

    /// <summary>restic suggests running <c>prune</c>.</summary>
    public bool SuggestPrune { get; init; }

    /// <summary>restic's text output on versions that print no JSON for check (before 0.18).</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
