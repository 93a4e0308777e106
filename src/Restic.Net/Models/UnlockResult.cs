namespace Restic.Net;

/// <summary>The result of <c>unlock</c>.</summary>
public sealed record UnlockResult
{
    /// <summary>The number of locks removed: as restic 0.15+ reports it, and on restic 0.14 (which does not say) the number of <see cref="Removed"/> locks.</summary>
    public int? RemovedLocks { get; init; }

    /// <summary>
    /// The locks that were removed, with their holders: the locks that existed before <c>unlock</c>
    /// ran and no longer existed after it. A lock its holder released at that very moment is listed too.
    /// </summary>
    public IReadOnlyList<ResticLock> Removed { get => field ?? ValueList<ResticLock>.Empty; init => field = ValueList.Of(value, nameof(Removed)); }
}
