using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// <c>POST /prune</c> body. The keep policy is exactly the <c>keep_*</c> fields given; at least one is
/// required (a prune never falls back to a default policy the caller did not send).
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

    /// <summary>The policy the caller sent; a 400 when it sent none.</summary>
    public RetentionPolicy ToPolicy() =>
        KeepLast is null && KeepHourly is null && KeepDaily is null && KeepWeekly is null && KeepMonthly is null && KeepYearly is null
            ? throw ApiProblemException.Invalid(
                "keep_daily",
                "A prune needs a keep policy: set at least one of keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly and keep_yearly (the original console's default was keep_daily 7, keep_weekly 4, keep_monthly 6, keep_yearly 2).")
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
        var policy = request.ToPolicy();
        var (_, client) = await clients.CreateAsync(context, request.Repository, request);
        RequestChecks.SingleLine("tags", request.Tags);
        var result = await client.ForgetAsync(
            policy, new ForgetOptions
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
            Message(request.DryRun, removed.Count, result.Prune?.TotalPrunedBytes)));
    }

    /// <summary>What happened, in words: restic prunes only when forget removed something.</summary>
    private static string Message(bool dryRun, int removed, long? prunedBytes) => (dryRun, removed) switch
    {
        (true, 0) => "Would remove no snapshots; nothing would be pruned.",
        (true, _) => $"Would remove {removed} snapshots and prune the data only they reference.",
        (false, 0) => "Removed no snapshots; nothing was pruned.",
        (false, _) when prunedBytes is > 0 => $"Removed {removed} snapshots and pruned {prunedBytes} bytes of unused data.",
        (false, _) => $"Removed {removed} snapshots; no data became unused, so nothing was pruned.",
    };
}
