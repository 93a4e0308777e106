using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Restic.Net.Extensions.DependencyInjection;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>One check (here: a repository, rated by Restic.Net's health check).</summary>
internal sealed record HealthEntry(string Name, string Status, string Description, IReadOnlyDictionary<string, object> Data, long DurationMs);

/// <summary>
/// <c>GET /health</c>: the worst status, then every check. The worker sample's <c>/healthz</c> answers
/// the same JSON (there with the schedule as one more check).
/// </summary>
internal sealed record HealthResponse(string Status, DateTimeOffset CheckedAt, IReadOnlyList<HealthEntry> Checks);

internal static class HealthEndpoint
{
    /// <summary>How long one repository may take; a slow backend is reported, not waited for.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs Restic.Net's repository health check (readable, latest snapshot, lock holder) on every
    /// registered repository the server has a password for: a configured password file, or the token
    /// <c>POST /init</c> issued. The others are reported as not checked.
    /// </summary>
    public static async Task<IResult> HandleAsync(
        RepositoryRegistry registry,
        RepositoryClientFactory clients,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var repositories = await registry.AllAsync(cancellationToken);
        var results = await Task.WhenAll(repositories.Select(r => CheckAsync(r, clients, time, cancellationToken)));
        var worst = results.Length == 0 ? "healthy" : results.Select(r => r.Status).MaxBy(Rank)!;
        return TypedResults.Ok(new HealthResponse(worst, time.GetUtcNow(), results));
    }

    private static async Task<HealthEntry> CheckAsync(RegisteredRepository repository, RepositoryClientFactory clients, TimeProvider time, CancellationToken cancellationToken)
    {
        var password = clients.StoredPassword(repository)?.Password;
        if (password is null)
        {
            return new HealthEntry(repository.Name, "unknown", "Not checked: the server has no password for it (no password file, no token from POST /init).", new Dictionary<string, object>(), 0);
        }

        var started = Stopwatch.GetTimestamp();
        await using var client = clients.CreateClient(repository, password);
        var check = new ResticRepositoryHealthCheck(client, timeProvider: time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        HealthCheckResult result;
        try
        {
            result = await check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration(repository.Name, check, HealthStatus.Unhealthy, null) }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = HealthCheckResult.Unhealthy($"The repository {repository.Location.RedactedLocation} did not answer within {CheckTimeout.TotalSeconds:0} s.");
        }

        return new HealthEntry(
            repository.Name,
            result.Status.ToString().ToLowerInvariant(),
            result.Description ?? string.Empty,
            result.Data,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static int Rank(string status) => status switch { "healthy" => 0, "unknown" => 1, "degraded" => 2, _ => 3 };
}
