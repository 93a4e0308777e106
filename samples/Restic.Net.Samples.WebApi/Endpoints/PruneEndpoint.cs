using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// <c>POST /prune</c> body. Without any <c>keep_*</c> field the policy is 7 daily, 4 weekly,
/// 6 monthly and 2 yearly snapshots; with any, exactly the given ones.
/// </summary>
internal sealed record PruneRequest : IPasswordSource
{
    public string? Repository { get; init; }

    public int? KeepLast { get; init; }

    public int? KeepHourly { get; init; }

    public int? KeepDaily { get; init; }

    public int? KeepWeekly { get; init; }

    public int? KeepMonthly { get; init; }

    public int? KeepYearly { get; init; }

    /// <summary>Only snapshots with these tags are considered.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool DryRun { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }

    public RetentionPolicy Policy =>
        KeepLast is null && KeepHourly is null && KeepDaily is null && KeepWeekly is null && KeepMonthly is null && KeepYearly is null
            ? RetentionPolicy.Default
            : new RetentionPolicy { KeepLast = KeepLast, KeepHourly = KeepHourly, KeepDaily = KeepDaily, KeepWeekly = KeepWeekly, KeepMonthly = KeepMonthly, KeepYearly = KeepYearly };
}

/// <summary><c>POST /prune</c> response.</summary>
internal sealed record PruneResponse(
    bool Success,
    bool DryRun,
    int SnapshotsKept,
    int SnapshotsRemoved,
    IReadOnlyList<string> RemovedSnapshotIds,
    long? BytesFreed,
    string Message);

internal static class PruneEndpoint
{
    public static async Task<IResult> HandleAsync(
        PruneRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        CancellationToken cancellationToken)
    {
        var (_, client) = clients.Create(context, request.Repository, request);
        RequestChecks.SingleLine("tags", request.Tags);
        var result = await client.ForgetAsync(
            request.Policy, new ForgetOptions
            {
                Prune = true,
                DryRun = request.DryRun,
                Filter = request.Tags.Count > 0 ? new SnapshotFilter { Tags = request.Tags } : null,
            },
            cancellationToken);
        var removed = result.Removed;
        return TypedResults.Ok(new PruneResponse(
            true,
            request.DryRun,
            result.Kept.Count,
            removed.Count,
            [.. removed.Select(s => s.Id.Value)],
            result.Prune?.TotalPrunedBytes,
            request.DryRun ? $"Would remove {removed.Count} snapshots." : $"Removed {removed.Count} snapshots and pruned unused data."));
    }
}
