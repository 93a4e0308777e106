using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>GET /stats</c> response, in the ops console's original shape plus the stored size.</summary>
internal sealed record StatsResponse(
    long TotalSize,
    long TotalFileCount,
    long SnapshotsCount,
    double? DeduplicationRatio,
    long? StoredSize,
    double? CompressionRatio);

internal static class StatsEndpoint
{
    public static async Task<IResult> HandleAsync(
        string? repository,
        HttpContext context,
        RepositoryClientFactory clients,
        CancellationToken cancellationToken)
    {
        var (_, client) = await clients.CreateAsync(context, repository);
        var stats = await client.GetStatsAsync(new StatsOptions { IncludeDeduplicationRatio = true }, cancellationToken);
        return TypedResults.Ok(new StatsResponse(stats.TotalSize, stats.TotalFileCount, stats.SnapshotsCount, stats.DeduplicationRatio, stats.StoredSize, stats.CompressionRatio));
    }
}
