using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>Adds restic repository checks to the health checks.</summary>
public static class ResticHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks a repository registered with <c>AddResticClient</c>: that restic can open and read it, that
    /// no exclusive lock blocks it, and optionally that its latest snapshot is younger than
    /// <see cref="ResticHealthCheckOptions.MaxSnapshotAge"/>. A lock reports
    /// <see cref="HealthStatus.Degraded"/>; every other problem reports <paramref name="failureStatus"/>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name, and the name of the client it checks unless <see cref="ResticHealthCheckOptions.ClientName"/> says otherwise.</param>
    /// <param name="options">What to check besides reachability; null for reachability only.</param>
    /// <param name="failureStatus">The status of a failed check; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take (restic is interrupted after it); 30 seconds when null.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddResticRepositoryCheck(
        this IHealthChecksBuilder builder,
        string name,
        ResticHealthCheckOptions? options = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= new ResticHealthCheckOptions();
        if (options.MaxSnapshotAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), age, "ResticHealthCheckOptions.MaxSnapshotAge must be positive.");
        }

        var clientName = options.ClientName ?? name;
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new ResticRepositoryHealthCheck(
                clientName.Length == 0 ? provider.GetRequiredService<IResticClient>() : provider.GetRequiredKeyedService<IResticClient>(clientName),
                options,
                provider.GetService<TimeProvider>() ?? TimeProvider.System),
            failureStatus,
            tags,
            timeout ?? TimeSpan.FromSeconds(30)));
    }
}
