namespace Restic.Net;

/// <summary>The result of <c>unlock</c>.</summary>
/// <param name="RemovedLocks">
/// The number of locks removed, as restic 0.15+ reports it; restic 0.14 does not say, and then it is null.
/// </param>
public sealed record UnlockResult(int? RemovedLocks);
