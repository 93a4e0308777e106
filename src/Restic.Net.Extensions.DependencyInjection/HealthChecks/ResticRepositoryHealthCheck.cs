using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Opens the repository and reads its latest snapshots (<c>restic snapshots --latest 1</c>).
/// Healthy: readable, and the latest snapshot is young enough. Degraded: another process holds an
/// exclusive lock. Failure status (Unhealthy by default): anything else; see docs/dependency-injection.md.
/// </summary>
/// <remarks>
/// <see cref="ResticHealthChecksBuilderExtensions.AddResticRepositoryCheck"/> registers it for a client
/// from the container. An application that creates clients itself (one per repository it discovers at
/// run time) creates the check directly and runs it with <see cref="CheckHealthAsync"/>.
/// </remarks>
/// <param name="client">The client of the repository to check.</param>
/// <param name="options">Which snapshots count and how old the latest may be; null for readable-only.</param>
/// <param name="timeProvider">The clock for the snapshot's age; null for the system clock.</param>
public sealed class ResticRepositoryHealthCheck(IResticClient client, ResticHealthCheckOptions? options = null, TimeProvider? timeProvider = null) : IHealthCheck
{
    private readonly ResticHealthCheckOptions _options = options ?? new ResticHealthCheckOptions();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Reads the latest snapshot and rates the repository.</summary>
    /// <param name="context">The registration: its name names the repository when the client's cannot, its failure status is used for failures.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>
    /// The result, with data: <c>repository</c>, <c>snapshots</c>, <c>latestSnapshot</c>, <c>latestSnapshotTime</c>,
    /// <c>latestSnapshotAge</c>, <c>maxSnapshotAge</c>, <c>lockHolder</c> or <c>error</c>, and for a failure
    /// <c>transient</c> (<see cref="ResticException.IsTransient"/>: whether it may pass without anyone acting).
    /// </returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        var repository = client.Repository?.RedactedLocation ?? context.Registration.Name;
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["repository"] = repository };

        IReadOnlyList<Snapshot> snapshots;
        try
        {
            var query = new SnapshotsOptions { Filter = _options.Filter, Latest = 1 };
            snapshots = await client.GetSnapshotsAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (ResticRepositoryLockedException ex)
        {
            data["lockHolder"] = ex.LockHolder ?? "unknown";
            data["transient"] = ex.IsTransient;
            return HealthCheckResult.Degraded($"The repository {repository} is locked by another process ({ex.LockHolder ?? "unknown holder"}).", ex, data);
        }
        catch (ResticException ex)
        {
            data["error"] = ex.GetType().Name;
            data["transient"] = ex.IsTransient;
            var reason = ex switch
            {
                ResticRepositoryNotFoundException => "does not exist or cannot be reached",
                ResticWrongPasswordException => "cannot be opened with the configured password",
                ResticBackendAccessDeniedException => "cannot be reached: the storage backend refused the credentials or denied access",
                ResticBackendCertificateException => "cannot be reached: the backend's TLS certificate could not be verified",
                ResticBackendUnreachableException => "cannot be reached: nothing answered at the backend's address",
                ResticBinaryNotFoundException => "cannot be checked: the restic executable was not found",
                _ => "cannot be read",
            };
            return new HealthCheckResult(failure, $"The repository {repository} {reason}.", ex, data);
        }
        catch (ObjectDisposedException ex)
        {
            // The container disposed the client (the host is stopping): nothing was checked.
            data["error"] = ex.GetType().Name;
            return new HealthCheckResult(failure, $"The repository {repository} cannot be checked: its client was disposed.", ex, data);
        }

        data["snapshots"] = snapshots.Count;
        var latest = snapshots.Count == 0 ? null : snapshots.MaxBy(s => s.Time);
        var age = latest is null ? TimeSpan.Zero : _time.GetUtcNow() - latest.Time;
        if (latest is not null)
        {
            data["latestSnapshot"] = latest.Id.ToShortString();
            data["latestSnapshotTime"] = latest.Time.ToString("O", CultureInfo.InvariantCulture);
            data["latestSnapshotAge"] = age.ToString("c", CultureInfo.InvariantCulture);
        }

        if (_options.MaxSnapshotAge is not { } maximum)
        {
            return HealthCheckResult.Healthy($"The repository {repository} is readable.", data);
        }

        data["maxSnapshotAge"] = maximum.ToString("c", CultureInfo.InvariantCulture);
        if (latest is null)
        {
            return new HealthCheckResult(failure, $"The repository {repository} has no matching snapshot.", data: data);
        }

        return age <= maximum
            ? HealthCheckResult.Healthy($"The latest snapshot of {repository} ({latest.Id.ToShortString()}) is {Format(age)} old.", data)
            : new HealthCheckResult(failure, $"The latest snapshot of {repository} ({latest.Id.ToShortString()}) is {Format(age)} old, older than {Format(maximum)}.", data: data);
    }

    private static string Format(TimeSpan span) => span.ToString(span.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
