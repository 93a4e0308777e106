using System.Diagnostics;
using Restic.Net.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Restic.Net.IntegrationTests.Real;

/// <summary><see cref="ResticClientOptions.LockWaitTimeout"/> against a lock held by a live restic, on every version.</summary>
[Collection(RepositoryCollection.Name)]
public class LockWaitTests(RepositoryFixture fixture, ITestOutputHelper output)
{
    [Fact(Timeout = 120000)]
    public async Task ExclusiveCommand_WhileALiveResticHoldsALock_GivesUpWithinTenPercentOfTheLockWaitTimeout()
    {
        var repository = fixture.NewFolder("wait-repo");
        var cache = fixture.NewFolder("cache");
        await TestRestic.InitializeAsync(repository);
        var options = TestRestic.Options(repository, cache);
        options.LockWaitTimeout = TimeSpan.FromSeconds(15);
        var client = new ResticClient(options);
        var version = await client.GetVersionAsync();

        TimeSpan elapsed;
        await using (var held = await HeldLock.StartAsync(repository, cache))
        {
            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.PruneAsync());
            elapsed = watch.Elapsed;
            Assert.Contains($"PID {held.ProcessId}", ex.LockHolder, StringComparison.Ordinal);
            Assert.True(ex.IsTransient);

            // The holder finishes: the same call succeeds, as IsTransient promised.
            await held.ReleaseAsync();
            await client.PruneAsync();
        }

        output.WriteLine($"restic {version.Version}: LockWaitTimeout {options.LockWaitTimeout.TotalSeconds} s, gave up after {elapsed.TotalSeconds:0.00} s");

        // restic 0.16+ waits itself (--retry-lock, counted from its first attempt, after opening the
        // repository); before, the client retries up to the deadline. Either way: the timeout ± 10 %.
        Assert.True(
            elapsed >= options.LockWaitTimeout * 0.9 && elapsed <= options.LockWaitTimeout * 1.1,
            $"restic {version.Version}: gave up after {elapsed.TotalSeconds:0.0} s for a {options.LockWaitTimeout.TotalSeconds} s timeout");
    }
}
