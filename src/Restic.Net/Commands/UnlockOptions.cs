namespace Restic.Net;

/// <summary>Options of <c>unlock</c>.</summary>
public sealed record UnlockOptions
{
    /// <summary>Removes all locks, not only stale ones (<c>--remove-all</c>). Dangerous while other restic processes run.</summary>
    public bool RemoveAll { get; init; }
}
