namespace Restic.Net;

/// <summary>The result of <c>unlock</c>.</summary>
/// <param name="RemovedLocks">
/// The number of locks removed: as restic 0.15+ reports it, and on restic 0.14 (which does not say)
/// the number of <see cref="Removed"/> locks.
/// </param>
public sealed record UnlockResult(int? RemovedLocks)
{
    /// <summary>
    /// The locks that were removed, with their holders: the locks that existed before <c>unlock</c>
    /// ran and no longer existed after it. A lock its holder released at that very moment is listed too.
    /// </summary>
    public IReadOnlyList<ResticLock> Removed { get; init; } = [];
}
