using Microsoft.Extensions.Logging;
using Restic.Net.Execution;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// The cleanup after a graceful cancellation: restic before 0.18 interrupted right after it created
/// its lock exits without removing it, and the client removes that lock. Only then, only there.
/// </summary>
public class CancelLockCleanupTests
{
    private const int Pid = 4242;
    private const string LockId = "89ca3fff472666fcb77a87a11f7534baf1d736f77d2807bbab4fbb42d8fe887a";
    private const string OtherLockId = "1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task BackupInterrupted_OnRestic014_LeftLockOfItsPid_IsRemovedWithUnlockAndLogged()
    {
        using var cts = new CancellationTokenSource();
        var listed = 0;
        var runner = Runner("0.14.0", cts, verb => verb switch
        {
            "list locks" => Fixture.Inline(listed++ == 0 ? LockId + "\n" : string.Empty),
            "cat lock" => LockOf(Pid, Environment.MachineName),
            "unlock" => Fixture.Load("0.14.0", "unlock-stale"),
            _ => throw new InvalidOperationException(verb),
        });
        var logs = new CapturingLoggerFactory();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(["backup", "list locks", "cat lock", "unlock", "list locks"], Verbs(runner));
        Assert.DoesNotContain("--remove-all", runner.Commands[3]);
        var removed = Assert.Single(logs.Entries, e => e.EventId.Id == 1026);
        Assert.Equal("InterruptedLockRemoved", removed.EventId.Name);
        Assert.Equal(LockId, removed["LockId"]);
        Assert.Equal(Pid, removed["ProcessId"]);
        Assert.Equal("backup", removed["Operation"]);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id is 1023 or 1024);
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic014_UnlockAlsoRemovesAnotherStaleLock_LogsItAsStale()
    {
        using var cts = new CancellationTokenSource();
        var listed = 0;
        var runner = Runner("0.14.0", cts, (verb, arguments) => verb switch
        {
            "list locks" => Fixture.Inline(listed++ == 0 ? $"{LockId}\n{OtherLockId}\n" : string.Empty),
            // The other lock: of a dead process of this host, so restic calls it stale too.
            "cat lock" => LockOf(arguments.Contains(OtherLockId) ? Pid - 1 : Pid, Environment.MachineName),
            "unlock" => Fixture.Load("0.14.0", "unlock-stale"),
            _ => throw new InvalidOperationException(verb),
        });
        var logs = new CapturingLoggerFactory();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(LockId, Assert.Single(logs.Entries, e => e.EventId.Id == 1026)["LockId"]);
        Assert.Equal(OtherLockId, Assert.Single(logs.Entries, e => e.EventId.Id == 1023)["LockId"]);
    }

    [Theory]
    [InlineData(Pid + 1, null)]
    [InlineData(Pid, "another-host")]
    public async Task BackupInterrupted_OnRestic014_OnlyLocksOfOtherProcesses_RunsNoUnlock(int lockPid, string? lockHost)
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.14.0", cts, verb => verb switch
        {
            "list locks" => Fixture.Inline(LockId + "\n"),
            "cat lock" => LockOf(lockPid, lockHost ?? Environment.MachineName),
            _ => throw new InvalidOperationException(verb),
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(["backup", "list locks", "cat lock"], Verbs(runner));
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic014_NoLockLeft_ListsOnce()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.14.0", cts, verb => verb == "list locks" ? Fixture.Inline(string.Empty) : throw new InvalidOperationException(verb));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(["backup", "list locks"], Verbs(runner));
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic018_RunsNoHousekeeping()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.18.0", cts, verb => throw new InvalidOperationException(verb));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(["backup"], Verbs(runner));
    }

    [Fact]
    public async Task LockFreeCommandInterrupted_OnRestic014_RunsNoHousekeeping()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.14.0", cts, verb => throw new InvalidOperationException(verb), interrupted: "cat config");

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().GetConfigAsync(cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(["cat config"], Verbs(runner));
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic014_HousekeepingFails_IsLoggedAndTheCallerStillGetsItsCancellation()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.14.0", cts, verb => verb == "list locks"
            ? Fixture.Inline(string.Empty, "Fatal: unable to open config file: Stat: stat /tmp/restic-fixtures/repo/config: no such file or directory\n", 1)
            : throw new InvalidOperationException(verb));
        var logs = new CapturingLoggerFactory();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(new BackupOptions("/data"), null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        var failed = Assert.Single(logs.Entries, e => e.EventId.Id == 1024);
        Assert.Equal(LogLevel.Warning, failed.Level);
    }

    /// <summary>
    /// A runner on which <paramref name="interrupted"/> behaves like a restic that was cancelled and
    /// exited after SIGINT: the caller's token is cancelled and the seam reports the graceful stop with
    /// the pid. Every other command is answered by <paramref name="respond"/>.
    /// </summary>
    private static FixtureRunner Runner(string version, CancellationTokenSource cts, Func<string, Fixture> respond, string interrupted = "backup") =>
        Runner(version, cts, (verb, _) => respond(verb), interrupted);

    private static FixtureRunner Runner(string version, CancellationTokenSource cts, Func<string, IReadOnlyList<string>, Fixture> respond, string interrupted = "backup") =>
        new(version, invocation =>
        {
            var verb = Verb(invocation.Arguments);
            if (verb != interrupted)
            {
                return respond(verb, invocation.Arguments);
            }

            cts.Cancel();
            throw new ResticProcessInterruptedException(Pid, new OperationCanceledException(), cts.Token);
        });

    private static Fixture LockOf(int pid, string host) =>
        Fixture.Inline($$"""{"time":"2026-11-26T15:10:44.256140744Z","exclusive":false,"hostname":"{{host}}","username":"root","pid":{{pid}}}""" + "\n");

    private static string Verb(IReadOnlyList<string> arguments) => string.Join(' ', arguments.TakeWhile(a => a != "--json"));

    private static List<string> Verbs(FixtureRunner runner) => runner.Commands.Select(Verb).ToList();
}
