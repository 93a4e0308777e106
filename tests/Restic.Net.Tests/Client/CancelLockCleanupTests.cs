using Microsoft.Extensions.Logging;
using Restic.Net.Locks;
using Restic.Net.Processes;
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

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(["/data"], null, null, cts.Token));

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

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(["/data"], null, null, cts.Token));

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

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(["/data"], null, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(["backup", "list locks", "cat lock"], Verbs(runner));
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic014_NoLockLeft_ListsOnce()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.14.0", cts, verb => verb == "list locks" ? Fixture.Inline(string.Empty) : throw new InvalidOperationException(verb));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(["/data"], null, null, cts.Token));

        Assert.Equal(["backup", "list locks"], Verbs(runner));
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic018_RunsNoHousekeeping()
    {
        using var cts = new CancellationTokenSource();
        var runner = Runner("0.18.0", cts, verb => throw new InvalidOperationException(verb));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient().BackupAsync(["/data"], null, null, cts.Token));

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

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(["/data"], null, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        var pending = Assert.Single(logs.Entries, e => e.EventId.Id == 1027);
        Assert.Equal(LogLevel.Warning, pending.Level);
        Assert.Equal(Pid, pending["ProcessId"]);
        Assert.Contains("unable to open config file", (string)pending["Error"]!);
    }

    [Fact]
    public async Task BackupInterrupted_OnRestic018_BackendRefusedTheLockRemoval_ReportsTheLockOnceTheBackendAnswers()
    {
        // restic 0.18 retries removing its lock after SIGINT and says so; the backend is down, so the
        // check waits for the next successful command, which finds the lock and logs it.
        using var cts = new CancellationTokenSource();
        var backendUp = false;
        var runner = new FixtureRunner("0.18.0", (invocation, sink) =>
        {
            var verb = Verb(invocation.Arguments);
            switch (verb)
            {
                case "backup":
                    sink.OnStandardErrorLine("Remove(<lock/89ca3fff47>) returned error, retrying after 4.448090701s: client.Do: Delete \"http://127.0.0.1:8000/repo/locks/" + LockId + "\": dial tcp 127.0.0.1:8000: connect: connection refused");
                    cts.Cancel();
                    throw new ResticProcessKilledException(Pid, new OperationCanceledException(), cts.Token);
                case "list locks" when !backendUp:
                    return Fixture.Inline(string.Empty, "Fatal: unable to open config file: Stat: dial tcp 127.0.0.1:8000: connect: connection refused\n", 1);
                case "list locks":
                    return Fixture.Inline(LockId + "\n");
                case "cat lock":
                    return LockOf(Pid, Environment.MachineName);
                case "snapshots":
                    return Fixture.Load("0.18.0", "snapshots");
                default:
                    throw new InvalidOperationException(verb);
            }
        });
        var logs = new CapturingLoggerFactory();
        var client = runner.CreateClient(loggerFactory: logs);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.BackupAsync(["/data"], null, null, cts.Token));

        var pending = Assert.Single(logs.Entries, e => e.EventId.Id == 1027);
        Assert.Contains("restic said it could not remove lock 89ca3fff47", (string)pending["Error"]!);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 1022);

        backendUp = true;
        await client.GetSnapshotsAsync();
        await client.GetSnapshotsAsync();

        var left = Assert.Single(logs.Entries, e => e.EventId.Id == 1022);
        Assert.Equal(LockId, left["LockId"]);
        Assert.Equal("backup", left["Operation"]);
        Assert.Equal(Pid, left["ProcessId"]);
        Assert.Equal("was cancelled, killed after SIGINT", left["How"]);
        Assert.Equal(1, Verbs(runner).Count(v => v == "cat lock")); // reported once, not after every command
    }

    [Fact]
    public async Task BackupKilledBySomeoneElse_ReportsTheLockItLeft()
    {
        var runner = new FixtureRunner("0.18.0", invocation => Verb(invocation.Arguments) switch
        {
            "backup" => Fixture.Inline(string.Empty, string.Empty, 137),
            "list locks" => Fixture.Inline(LockId + "\n"),
            "cat lock" => LockOf(Pid, Environment.MachineName),
            var verb => throw new InvalidOperationException(verb),
        }) { ProcessId = Pid };
        var logs = new CapturingLoggerFactory();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => runner.CreateClient(loggerFactory: logs).BackupAsync(["/data"]));

        Assert.StartsWith("restic backup was stopped by signal 9 (SIGKILL), which this client did not send", ex.Message);
        var left = Assert.Single(logs.Entries, e => e.EventId.Id == 1022);
        Assert.Equal(LockId, left["LockId"]);
        Assert.Equal("was stopped by signal 9 (SIGKILL)", left["How"]);
    }

    [Fact]
    public async Task LockFreeCommandKilledBySomeoneElse_RunsNoHousekeeping()
    {
        var runner = new FixtureRunner("0.18.0", invocation => Verb(invocation.Arguments) switch
        {
            "cat config" => Fixture.Inline(string.Empty, string.Empty, 137),
            var verb => throw new InvalidOperationException(verb),
        }) { ProcessId = Pid };

        await Assert.ThrowsAsync<ResticCommandException>(() => runner.CreateClient().GetConfigAsync());

        Assert.Equal(["cat config"], Verbs(runner));
    }

    [Theory]
    [InlineData("Remove(<lock/bfe8e8007e>) returned error, retrying after 4.561443331s: client.Do: Delete \"http://127.0.0.1:18765/r/locks/bfe8e8007e9aedf9362f648060ff53f0e0afc8c6f7160da0b18c90ec8dbb8b0c\": dial tcp", "bfe8e8007e")]
    [InlineData("error in cleanup handler: client.Do: Delete \"http://127.0.0.1:18765/r/locks/bfe8e8007e9aedf9362f648060ff53f0e0afc8c6f7160da0b18c90ec8dbb8b0c\": dial tcp 127.0.0.1:18765: connect: connection refused", "bfe8e8007e9aedf9362f648060ff53f0e0afc8c6f7160da0b18c90ec8dbb8b0c")]
    [InlineData("signal interrupt received, cleaning up", null)]
    public void UnremovedLocks_FromRealStderrLines_AreTheLockIds(string line, string? expected)
    {
        var ids = LockHousekeeping.UnremovedLocks([line]);

        Assert.Equal(expected is null ? [] : [expected], ids);
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
