using Restic.Net.Locks;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Locks;

public class RepositoryGateTests
{
    [Fact(Timeout = 10000)]
    public async Task EnterAsync_ExclusiveAfterShared_WaitsUntilTheSharedOnesLeave()
    {
        var gate = new RepositoryGate();
        var first = await gate.EnterAsync(exclusive: false, CancellationToken.None);
        var second = await gate.EnterAsync(exclusive: false, CancellationToken.None);

        var exclusive = gate.EnterAsync(exclusive: true, CancellationToken.None);
        var lateShared = gate.EnterAsync(exclusive: false, CancellationToken.None);

        Assert.False(exclusive.IsCompleted);
        Assert.False(lateShared.IsCompleted); // a waiting exclusive command holds back later shared ones
        first.Dispose();
        Assert.False(exclusive.IsCompleted);
        second.Dispose();
        (await exclusive).Dispose();
        (await lateShared).Dispose();
        Assert.Equal((0, false, 0), gate.State);
    }

    [Fact(Timeout = 10000)]
    public async Task EnterAsync_CancelledWaiter_LeavesTheQueueAndUnblocksThoseBehindIt()
    {
        var gate = new RepositoryGate();
        var shared = await gate.EnterAsync(exclusive: false, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var exclusive = gate.EnterAsync(exclusive: true, cts.Token);
        var behind = gate.EnterAsync(exclusive: false, CancellationToken.None);

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exclusive);
        Assert.Equal(cts.Token, ex.CancellationToken);
        (await behind).Dispose();
        shared.Dispose();
        Assert.Equal((0, false, 0), gate.State);
    }

    [Fact(Timeout = 10000)]
    public async Task ForgetAsync_WhileABackupOfTheSameRepositoryRuns_StartsOnlyAfterTheBackupEnded()
    {
        var repository = "/tmp/gate-test-" + Guid.NewGuid().ToString("N");
        var backupRunning = new TaskCompletionSource();
        var releaseBackup = new TaskCompletionSource();
        var started = new List<string>();
        var runner = new DelegateRunner(async (invocation, sink, _) =>
            {
                var verb = invocation.Arguments[0];
                var fixture = Fixture.Load("0.18.0", verb == "backup" ? "backup" : verb == "forget" ? "forget" : "version");
                lock (started)
                {
                    started.Add(verb);
                }

                if (verb == "backup")
                {
                    backupRunning.SetResult();
                    await releaseBackup.Task;
                }

                foreach (var line in fixture.StandardOutputLines())
                {
                    sink.OnStandardOutputLine(line);
                }

                return fixture.ExitCode;
            });
        var options = new ResticClientOptions { Repository = new LocalRepository(repository), Password = ResticPassword.FromValue("password") };
        var backupClient = new ResticClient(options, runner, null, null);
        var forgetClient = new ResticClient(options, runner, null, null);

        var backup = backupClient.BackupAsync(["/data"]);
        await backupRunning.Task;
        var forget = forgetClient.ForgetAsync(RetentionPolicy.Default);
        await Task.Delay(200);

        Assert.DoesNotContain("forget", started);
        releaseBackup.SetResult();
        await backup;
        await forget;
        Assert.Equal(["backup", "forget"], started.Where(v => v != "version"));
    }
}
