using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary><c>AddResticRepositoryCheck</c> against real repositories and the real restic binary.</summary>
[Collection(RealRepositoryCollection.Name)]
public class HealthCheckTests(RealRepositoryFixture fixture)
{
    [Fact(Timeout = 60000)]
    public async Task Check_RecentSnapshotOfTheTag_IsHealthyAndReportsTheSnapshot()
    {
        var entry = await CheckAsync(o => fixture.Configure(o, fixture.RepositoryPath), new ResticHealthCheckOptions
        {
            MaxSnapshotAge = TimeSpan.FromHours(1),
            Filter = new SnapshotFilter { Tags = ["nightly"], HostNames = ["di-host"] },
        });

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(fixture.Snapshot.SnapshotId!.Value.ToShortString(), entry.Data["latestSnapshot"]);
        Assert.Equal(fixture.RepositoryPath, entry.Data["repository"]);
        Assert.Null(entry.Exception);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_SnapshotOlderThanTheThreshold_IsUnhealthy()
    {
        // The clock comes from the container: two days from now, the snapshot is two days old.
        var entry = await CheckAsync(
            o => fixture.Configure(o, fixture.RepositoryPath),
            new ResticHealthCheckOptions { MaxSnapshotAge = TimeSpan.FromDays(1) },
            time: new ShiftedTimeProvider(TimeSpan.FromDays(2)));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("older than 1.00:00:00", entry.Description);
        Assert.Equal("1.00:00:00", entry.Data["maxSnapshotAge"]);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_StaleSnapshotWithDegradedFailureStatus_IsDegraded()
    {
        var entry = await CheckAsync(
            o => fixture.Configure(o, fixture.RepositoryPath),
            new ResticHealthCheckOptions { MaxSnapshotAge = TimeSpan.FromDays(1) },
            time: new ShiftedTimeProvider(TimeSpan.FromDays(2)),
            failureStatus: HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_NoSnapshotOfTheTag_IsUnhealthy()
    {
        var entry = await CheckAsync(o => fixture.Configure(o, fixture.RepositoryPath), new ResticHealthCheckOptions
        {
            MaxSnapshotAge = TimeSpan.FromDays(1),
            Filter = new SnapshotFilter { Tags = ["weekly"] },
        });

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("no matching snapshot", entry.Description);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_EmptyRepositoryWithoutAgeThreshold_IsHealthy()
    {
        var entry = await CheckAsync(o => fixture.Configure(o, fixture.EmptyRepositoryPath), options: null);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(0, entry.Data["snapshots"]);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_MissingRepository_IsUnhealthyWithTheTypedError()
    {
        var missing = Path.Combine(fixture.NewFolder("missing"), "repo");

        var entry = await CheckAsync(o => fixture.Configure(o, missing), options: null);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsType<ResticRepositoryNotFoundException>(entry.Exception);
        Assert.Contains("does not exist", entry.Description);
    }

    [Fact(Timeout = 60000)]
    public async Task Check_WrongPassword_IsUnhealthyAndDoesNotShowThePassword()
    {
        var entry = await CheckAsync(
            o =>
            {
                fixture.Configure(o, fixture.RepositoryPath);
                o.Password = ResticPassword.FromValue("not-the-password");
            },
            options: null);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsType<ResticWrongPasswordException>(entry.Exception);
        Assert.Contains("password", entry.Description);
        Assert.DoesNotContain("not-the-password", entry.Description + entry.Exception!.Message + string.Join(",", entry.Data.Values));
    }

    [Fact]
    public async Task Check_LockedRepository_IsDegradedAndNamesTheHolder()
    {
        var locked = (ResticRepositoryLockedException)Activator.CreateInstance(
            typeof(ResticRepositoryLockedException),
            BindingFlags.Instance | BindingFlags.NonPublic,
            binder: null,
            args: ["repository is already locked exclusively", 11, "restic snapshots", "locked", "", "PID 42 on vm by root (UID 0, GID 0)"],
            culture: null)!;
        var client = new Mock<IResticClient>();

        var entry = await CheckFailingClientAsync(client, locked);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("PID 42 on vm by root (UID 0, GID 0)", entry.Data["lockHolder"]);
        Assert.Equal(true, entry.Data["transient"]);
        client.Verify(c => c.GetSnapshotsAsync(It.Is<SnapshotsOptions?>(o => o!.Latest == 1), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("access", "refused the credentials", false)]
    [InlineData("certificate", "TLS certificate could not be verified", false)]
    [InlineData("unreachable", "nothing answered", true)]
    public async Task Check_BackendRefusesOrIsUnreachable_IsUnhealthyAndSaysWhyAndWhetherItMayPass(string kind, string reason, bool transient)
    {
        ResticException refused = kind switch
        {
            "access" => ResticModelFactory.BackendAccessDeniedException(),
            "certificate" => ResticModelFactory.BackendCertificateException(),
            _ => ResticModelFactory.BackendUnreachableException(),
        };
        var entry = await CheckFailingClientAsync(new Mock<IResticClient>(), refused);

        // Unhealthy either way (backups are not happening); the data says which failure may pass by itself.
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Same(refused, entry.Exception);
        Assert.Contains(reason, entry.Description, StringComparison.Ordinal);
        Assert.Equal(refused.GetType().Name, entry.Data["error"]);
        Assert.Equal(transient, entry.Data["transient"]);
    }

    [Fact]
    public async Task Check_AnyImplementationOfTheInterface_NamesItsRepositoryWithoutTheCredentials()
    {
        // The check reads IResticClient.Repository: a fake or a decorator is named as the real client is.
        var client = new Mock<IResticClient>();
        client.Setup(c => c.Repository).Returns(new RestRepository(new Uri("https://backup.example:8000/nightly/")) { UserName = "backup", Password = "rest-s3cret" });

        var entry = await CheckFailingClientAsync(client, ResticModelFactory.BackendUnreachableException());

        Assert.Equal("rest:https://backup:***@backup.example:8000/nightly/", entry.Data["repository"]);
        Assert.Contains("rest:https://backup:***@backup.example:8000/nightly/", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("rest-s3cret", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AddResticRepositoryCheck_NonPositiveAge_Throws()
    {
        var builder = new ServiceCollection().AddHealthChecks();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddResticRepositoryCheck("repo", new ResticHealthCheckOptions { MaxSnapshotAge = TimeSpan.Zero }));
    }

    private static async Task<HealthReportEntry> CheckAsync(
        Action<ResticClientOptions> configure,
        ResticHealthCheckOptions? options,
        TimeProvider? time = null,
        HealthStatus? failureStatus = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddResticClient("repo", configure);
        services.AddHealthChecks().AddResticRepositoryCheck("repo", options, failureStatus);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        return Assert.Single(report.Entries).Value;
    }

    /// <summary>The check over a client (registered as "repo") whose snapshot query throws <paramref name="failure"/>.</summary>
    private static async Task<HealthReportEntry> CheckFailingClientAsync(Mock<IResticClient> client, ResticException failure)
    {
        client.Setup(c => c.GetSnapshotsAsync(It.IsAny<SnapshotsOptions?>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        var services = new ServiceCollection().AddLogging();
        services.AddKeyedSingleton("repo", client.Object);
        services.AddHealthChecks().AddResticRepositoryCheck("repo");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        return report.Entries["repo"];
    }

    private sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
