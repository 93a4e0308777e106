using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// Disposing a client while a real restic runs: restic is interrupted as on a cancellation, disposal returns once it
/// has exited, and it leaves no lock and no snapshot; the caller's call throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class ClientDisposalTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    private string Repository => _root.Combine("repo");

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

    [Fact(Timeout = 120000)]
    public async Task DisposeAsync_DuringABackup_InterruptsResticAndReturnsWithTheLockGone()
    {
        var client = new ResticClient(TestRestic.Options(Repository, _root.Combine("cache")));
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backup = client.BackupAsync([Source], null, new FirstBytesProgress(running));
        await Task.WhenAny(running.Task, backup);
        Assert.False(backup.IsCompleted, "the backup ended before it could be disposed");
        Assert.NotEmpty(await TestRestic.ListLocksAsync(Repository, _root.Combine("cache")));

        await client.DisposeAsync();

        // Disposal returned after restic exited: its lock is gone already (the call itself ends on its own thread).
        Assert.Empty(await TestRestic.ListLocksAsync(Repository, _root.Combine("cache")));
        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => backup);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        var check = new ResticClient(TestRestic.Options(Repository, _root.Combine("cache")));
        Assert.Empty(await check.GetSnapshotsAsync());
        await check.DisposeAsync();
    }
}
