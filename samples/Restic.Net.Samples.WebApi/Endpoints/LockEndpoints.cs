using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>A lock in the repository: who holds it, since when, and whether it is exclusive.</summary>
internal sealed record LockResponse(string Id, DateTimeOffset Time, double AgeSeconds, bool Exclusive, string HostName, string UserName, int Pid)
{
    public static LockResponse From(ResticLock l) => new(l.Id, l.Time, l.Age.TotalSeconds, l.IsExclusive, l.HostName, l.UserName, l.Pid);
}

/// <summary><c>GET /locks</c> response.</summary>
internal sealed record LocksResponse(int Count, IReadOnlyList<LockResponse> Locks);

/// <summary><c>POST /unlock</c> body: without <c>remove_all</c> only stale locks (restic's rule) are removed.</summary>
internal sealed record UnlockRequest : IPasswordSource
{
    public string? Repository { get; init; }

    /// <summary>Also removes locks of running processes: only when nothing else uses the repository.</summary>
    public bool RemoveAll { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }
}

/// <summary><c>POST /unlock</c> response; <c>removed</c> lists the locks that were removed, on every restic version.</summary>
internal sealed record UnlockResponse(bool Success, IReadOnlyList<LockResponse> Removed, string Message);

internal static class LockEndpoints
{
    public static async Task<IResult> ListAsync(string? repository, HttpContext context, RepositoryClientFactory clients, CancellationToken cancellationToken)
    {
        var (_, client) = await clients.CreateAsync(context, repository);
        var locks = await client.GetLocksAsync(cancellationToken);
        return TypedResults.Ok(new LocksResponse(locks.Count, [.. locks.Select(LockResponse.From)]));
    }

    public static async Task<IResult> UnlockAsync(UnlockRequest request, HttpContext context, RepositoryClientFactory clients, CancellationToken cancellationToken)
    {
        var (_, client) = await clients.CreateAsync(context, request.Repository, request);
        var result = await client.UnlockAsync(new UnlockOptions { RemoveAll = request.RemoveAll }, cancellationToken);
        var count = result.Removed.Count;
        return TypedResults.Ok(new UnlockResponse(
            true,
            [.. result.Removed.Select(LockResponse.From)],
            count == 0 ? "No lock was removed." : $"Removed {count} lock(s)."));
    }
}
