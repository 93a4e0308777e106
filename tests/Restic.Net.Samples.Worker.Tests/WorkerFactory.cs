using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.Worker.Scheduling;

namespace Restic.Net.Samples.Worker.Tests;

/// <summary>
/// The worker in-process with a <see cref="FakeTimeProvider"/> and one repository <c>main</c> on the
/// restic binary under test; <paramref name="settings"/> adds the <c>Backups</c> section.
/// </summary>
internal sealed class WorkerFactory(string repository, string cache, DateTimeOffset start, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(start);

    public RunHistory History => Services.GetRequiredService<RunHistory>();

    public BackupScheduler Scheduler => Services.GetRequiredService<BackupScheduler>();

    /// <summary>Waits until the scheduler sleeps until <paramref name="due"/>, then moves the clock there.</summary>
    public async Task TickAsync(DateTimeOffset due)
    {
        for (var i = 0; i < 200 && Scheduler.WaitingUntil != due; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(due, Scheduler.WaitingUntil);
        Time.SetUtcNow(due);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The sample's own appsettings.json (its example jobs) must not merge into the test's.
        builder.UseContentRoot(Path.GetDirectoryName(repository)!);
        builder.UseSetting("Restic:Repositories:main:Repository", repository);
        builder.UseSetting("Restic:Repositories:main:Password", TestRestic.Password);
        builder.UseSetting("Restic:Repositories:main:BinaryPath", TestRestic.BinaryPath);
        builder.UseSetting("Restic:Repositories:main:CacheDirectory", cache);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
