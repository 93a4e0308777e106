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
        ReadClientCache readers,
        CancellationToken cancellationToken)
    {
        // Read from the repository's cached reader: no restic process and no key derivation per request.
        var (registered, password) = await clients.ResolveAsync(context, repository);
        RequestChecks.SingleLine("tag", tag);
        var query = tag is { Length: > 0 } ? new SnapshotsOptions { Filter = new SnapshotFilter { Tags = tag } } : null;
        var snapshots = await readers.ReadAsync(registered, password, client => client.GetSnapshotsAsync(query, cancellationToken));
        return TypedResults.Ok(new SnapshotsResponse(true, snapshots.Count, [.. snapshots.Select(SnapshotResponse.From)]));
    }
}
