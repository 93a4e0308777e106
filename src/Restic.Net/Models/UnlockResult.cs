namespace Restic.Net;

/// <summary>The result of <c>unlock</c>.</summary>
public sealed record UnlockResult
{
    /// <summary>
    /// The locks that were removed, with their holders: the locks that existed before <c>unlock</c>
    /// ran and no longer existed after it. A lock its holder released at that very moment is listed too.
    /// Set on every restic version (the client lists the locks itself), so <c>Removed.Count</c> is the
    /// number of locks removed; empty when none was.
    /// </summary>
    public IReadOnlyList<ResticLock> Removed { get => field ?? ValueList<ResticLock>.Empty; init => field = ValueList.Of(value, nameof(Removed)); }
}
