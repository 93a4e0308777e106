using Restic.Net.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// A cancellation right after restic created its lock file. restic 0.14 registers the lock for its
/// SIGINT cleanup only after a 200 ms check for other locks, so a SIGINT in that window leaves the
/// lock behind although restic exits gracefully (exit 130). The client removes it; 0.18 has nothing
/// to clean, and the client starts no process for it.
/// </summary>
public sealed class EarlyCancelLockTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 5;
    private readonly TempDirectory _root = new();
    private readonly CapturingLoggerProvider _logs = new();

    private string Repository => _root.Combine("repo");

    private string Cache => _root.Combine("cache");

    private string Source => _root.Combine("src");

    public async Task InitializeAsync()
    {
        SourceTree.WriteSparseFile(Path.Combine(Source, "sparse.bin"));

        await TestRestic.InitializeAsync(Repository);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 180000)]
    public async Task BackupAsync_CancelledAsSoonAsTheLockFileAppears_LeavesNoLock()
    {
        var client = new ResticClient(TestRestic.Options(Repository, Cache), _logs.CreateFactory());
        var locksFolder = Path.Combine(Repository, "locks");
        var leftPerRound = new List<int>();

        for (var round = 0; round < Rounds; round++)
        {
            var before = Directory.GetFiles(locksFolder).ToHashSet(StringComparer.Ordinal);
            using var cts = new CancellationTokenSource();
            var backup = client.BackupAsync([Source], null, null, cts.Token);

            // Cancel the moment this backup's lock file exists: inside restic 0.14's window.
            while (!backup.IsCompleted && Directory.GetFiles(locksFolder).All(before.Contains))
            {
                await Task.Delay(2);
            }

            await cts.CancelAsync();
            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);

            Assert.Equal(cts.Token, ex.CancellationToken);
            leftPerRound.Add((await TestRestic.ListLocksAsync(Repository, Cache)).Length);
        }

        // How often restic left its lock (and the client removed it) depends on timing: reported, not asserted.
        var removedByClient = _logs.Lines.Count(l => l.Contains("InterruptedLockRemoved", StringComparison.Ordinal));
        var version = await client.GetVersionAsync();
        output.WriteLine($"restic {version.VersionText}: the client removed {removedByClient} lock(s) left by an interrupted restic in {Rounds} rounds.");
        Assert.True(leftPerRound.All(n => n == 0), $"Locks left per round: {string.Join(", ", leftPerRound)}. Log:\n{string.Join('\n', _logs.Lines.Where(l => l.Contains("Lock", StringComparison.Ordinal)))}");
        if (version.Version >= new Version(0, 18, 0))
        {
            // restic 0.18 removes its lock itself: no housekeeping process after the cancellations.
            Assert.Equal(0, removedByClient);
            Assert.DoesNotContain(_logs.Lines, l => l.Contains("CommandStarting", StringComparison.Ordinal) && l.Contains("list locks", StringComparison.Ordinal));
        }

        Assert.Empty(await client.GetSnapshotsAsync());
    }
}
