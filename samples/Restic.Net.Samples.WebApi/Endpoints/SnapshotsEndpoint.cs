using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>One snapshot in <c>GET /snapshots</c>.</summary>
internal sealed record SnapshotResponse(
    string Id,
    string ShortId,
    DateTimeOffset Time,
    string? Hostname,
    string? Username,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Tags,
    string? Parent,
    string? ProgramVersion)
{
    public static SnapshotResponse From(Snapshot s) =>
        new(s.Id.Value, s.Id.ToShortString(), s.Time, s.HostName, s.UserName, s.Paths, s.Tags, s.Parent?.Value, s.ProgramVersion);
}

/// <summary><c>GET /snapshots</c> response.</summary>
internal sealed record SnapshotsResponse(bool Success, int Count, IReadOnlyList<SnapshotResponse> Snapshots);

internal static class SnapshotsEndpoint
{
    public static async Task<IResult> HandleAsync(
        string? repository,
        string[]? tag,
        HttpContext context,
        RepositoryClientFactory clients,
        CancellationToken cancellationToken)
    {
        var (_, client) = await clients.CreateAsync(context, repository);
        RequestChecks.SingleLine("tag", tag);
        var query = tag is { Length: > 0 } ? new SnapshotsOptions { Filter = new SnapshotFilter { Tags = tag } } : null;
        var snapshots = await client.GetSnapshotsAsync(query, cancellationToken);
        return TypedResults.Ok(new SnapshotsResponse(true, snapshots.Count, [.. snapshots.Select(SnapshotResponse.From)]));
    }
}
