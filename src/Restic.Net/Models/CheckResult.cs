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
    public long ErrorCount { get; init; }

    /// <summary>The error messages restic printed.</summary>
    public IReadOnlyList<string> Errors { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Errors)); }

    /// <summary>
    /// Pack files that are damaged (run <c>repair packs</c>); empty when restic found none. Null before restic 0.18, which
    /// does not report them apart from <see cref="Errors"/>: an empty list would claim that no pack is damaged.
    /// </summary>
    public IReadOnlyList<string>? BrokenPacks { get; init => field = ValueList<string>.Of(value); }

    /// <summary>restic suggests running <c>repair index</c>.</summary>
    public bool SuggestRepairIndex { get; init; }

    /// <summary>restic suggests running <c>prune</c>.</summary>
    public bool SuggestPrune { get; init; }

    /// <summary>restic's text output on versions that print no JSON for check (before 0.18).</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
