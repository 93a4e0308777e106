using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class ErrorMappingTests
{
    [Theory]
    [InlineData("0.14.0", 1)]
    [InlineData("0.18.0", 12)]
    [InlineData("0.19.1", 12)]
    public async Task WrongPassword_AnyVersion_ThrowsWrongPasswordException(string version, int exitCode)
    {
        var client = FixtureRunner.Replaying(version, "wrong-password").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());

        Assert.Equal(exitCode, ex.ExitCode);
        Assert.Contains("wrong password", ex.Message);
        Assert.False(ex.IsTransient);
    }

    [Theory]
    [InlineData("0.14.0", 1)]
    [InlineData("0.18.0", 10)]
    [InlineData("0.19.1", 10)]
    public async Task MissingRepository_AnyVersion_ThrowsRepositoryNotFoundException(string version, int exitCode)
    {
        var client = FixtureRunner.Replaying(version, "repo-missing").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => client.GetSnapshotsAsync());

        Assert.Equal(exitCode, ex.ExitCode);
        Assert.Contains("Is there a repository", ex.ResticMessage);
        Assert.False(ex.IsTransient);
    }

    [Theory]
    [InlineData("0.14.0", 1)]
    [InlineData("0.18.0", 11)]
    [InlineData("0.19.1", 11)]
    public async Task LockedRepository_AnyVersion_ThrowsLockedExceptionNamingTheHolder(string version, int exitCode)
    {
        var client = FixtureRunner.Replaying(version, "locked").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.ForgetAsync(new RetentionPolicy { KeepLast = 1 }));

        Assert.Equal(exitCode, ex.ExitCode);
        Assert.Matches(@"^PID \d+ on vm by root \(UID 0, GID 0\)$", ex.LockHolder);
        Assert.True(ex.IsTransient);
    }

    [Theory]
    [InlineData("0.14.0", 130)]
    [InlineData("0.18.0", 1)] // restic before 0.19 exits 1 on SIGINT
    [InlineData("0.19.1", 130)]
    public async Task InterruptNotSentByTheClient_AnyVersion_SaysWhichSignalStoppedRestic(string version, int exitCode)
    {
        var client = FixtureRunner.Replaying(version, "cancel-backup").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.BackupAsync(["/big"]));

        Assert.Equal(exitCode, ex.ExitCode);
        Assert.StartsWith("restic backup was stopped by signal 2 (SIGINT), which this client did not send", ex.Message);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task FailureEndingInAGoStackTrace_ReportsTheErrorLine_NotTheFrames()
    {
        // restic 0.14's forget on an append-only server, abridged.
        const string Stderr = "Remove(<snapshot/b55b16a02e>) returned error, retrying after 552ms: blob not removed, server response: 403 Forbidden (403)\n" +
            "blob not removed, server response: 403 Forbidden (403)\n" +
            "github.com/restic/restic/internal/backend/rest.(*Backend).Remove\n\tgithub.com/restic/restic/internal/backend/rest/rest.go:399\n" +
            "golang.org/x/sync/errgroup.(*Group).Go.func1\n\tgolang.org/x/sync/errgroup/errgroup.go:75\n";
        var client = new FixtureRunner("0.14.0", _ => Fixture.Inline("", Stderr, 1)).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.ForgetAsync(new RetentionPolicy { KeepLast = 1 }));

        Assert.Equal("restic forget failed with exit code 1: Remove(<snapshot/b55b16a02e>) returned error, retrying after 552ms: blob not removed, server response: 403 Forbidden (403)", ex.Message);
        Assert.DoesNotContain("errgroup", ex.ResticMessage);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task InitOfAnExistingRepository_AnyVersion_ThrowsAlreadyExists(string version)
    {
        var client = FixtureRunner.Replaying(version, "init-existing").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticRepositoryAlreadyExistsException>(() => client.InitAsync());

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("config file already exists", ex.ResticMessage);
        Assert.Contains("EnsureInitializedAsync", ex.Message);
    }

    [Theory]
    [InlineData(false)] // missing: created
    [InlineData(true)] // created by another process between the check and the init
    public async Task EnsureInitializedAsync_MissingRepository_InitializesIt(bool raced)
    {
        var configs = 0;
        var runner = FixtureRunner.ByVerb("0.18.0", (verb, _) => verb switch
        {
            "cat config" => ++configs == 1 ? "repo-missing" : "cat-config",
            "init" => raced ? "init-existing" : "init",
            _ => throw new InvalidOperationException(verb),
        });

        var info = await runner.CreateClient().EnsureInitializedAsync();

        Assert.Matches("^[0-9a-f]{64}$", info.Id);
        Assert.Equal(["cat config", "init", "cat config"], runner.Commands.Select(c => string.Join(' ', c.TakeWhile(a => a != "--json"))));
    }

    [Fact]
    public async Task EnsureInitializedAsync_ExistingRepository_RunsNoInit()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "cat-config");

        await runner.CreateClient().EnsureInitializedAsync();

        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task MessageOfAnInterruptedBackupWithFileErrors_IsRestic_sText_NotAJsonErrorLine()
    {
        // restic 0.14: per-file errors as JSON on stderr, then the interrupt notice; no Fatal line.
        const string Stderr = "{\"message_type\":\"error\",\"error\":{},\"during\":\"archival\",\"item\":\"/data/locked\"}\n\u001b[2Ksignal interrupt received, cleaning up\n";
        var client = new FixtureRunner("0.14.0", _ => Fixture.Inline(string.Empty, Stderr, 130)).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.BackupAsync(["/data"]));

        Assert.Equal("signal interrupt received, cleaning up", ex.ResticMessage);
    }

    [Fact]
    public async Task KilledBySignal9_SaysSigkill()
    {
        var client = new FixtureRunner("0.19.1", _ => Fixture.Inline("", "", 137)).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.GetSnapshotsAsync());

        Assert.Equal("restic snapshots was stopped by signal 9 (SIGKILL), which this client did not send (exit code 137).", ex.Message);
    }

    // stderr as restic printed it for `restore deadbeef` and `restore latest` in an empty repository.
    [Theory]
    [InlineData("0.14.0", "invalid id \"deadbeef\": no matching ID found for prefix \"deadbeef\"")]
    [InlineData("0.14.0", "latest snapshot for criteria not found: no snapshot found Paths:[] Hosts:[]")]
    [InlineData("0.18.0", "{\"message_type\":\"exit_error\",\"code\":1,\"message\":\"Fatal: failed to find snapshot: no matching ID found for prefix \\\"deadbeef\\\"\"}")]
    [InlineData("0.18.0", "{\"message_type\":\"exit_error\",\"code\":1,\"message\":\"Fatal: failed to find snapshot: snapshot filter (Paths:[] Tags:[] Hosts:[]): no snapshot found\"}")]
    public async Task UnknownSnapshot_AnyVersion_ThrowsSnapshotNotFoundException(string version, string stderr)
    {
        var runner = new FixtureRunner(version, _ => Fixture.Inline("", stderr + "\n", 1));
        var client = runner.CreateClient();

        var ex = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => client.RestoreAsync(SnapshotReference.Parse("deadbeef"), "/tmp/target"));

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("found", ex.ResticMessage);
        Assert.False(ex.IsTransient);
    }

    // restic 0.14's stderr when a TLS server refused the client certificate after the handshake
    // (recorded): "Is there a repository…?" is appended.
    [Theory]
    [InlineData("Fatal: unable to open config file: client.Head: Head \"https://127.0.0.1:33003/r/config\": write tcp 127.0.0.1:36840->127.0.0.1:33003: write: broken pipe\nIs there a repository at the following location?\nrest:https://127.0.0.1:33003/r/")]
    public async Task Restic014_TransportFailure_IsACommandException_NotAMissingRepository(string stderr)
    {
        var client = new FixtureRunner("0.14.0", _ => Fixture.Inline("", stderr + "\n", 1)).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.GetSnapshotsAsync());

        Assert.Contains("could not be reached or closed the connection", ex.Message);
        Assert.Contains("Is there a repository", ex.ResticMessage);
        // A refused client certificate ends so too: nothing says that a retry can help.
        Assert.False(ex.IsTransient);
    }

    // restic 0.14 fails at once where later versions retry for 15 minutes (the client stops those at the first notice).
    [Theory]
    [InlineData("Fatal: unable to open config file: client.Head: Head \"http://user:***@127.0.0.1:9/repo/config\": dial tcp 127.0.0.1:9: connect: connection refused\nIs there a repository at the following location?\nrest:http://user:***@127.0.0.1:9/repo/")]
    [InlineData("Fatal: unable to open config file: client.Head: Head \"http://nonexistent-host.invalid:8000/repo/config\": dial tcp: lookup nonexistent-host.invalid on 10.255.255.53:53: no such host\nIs there a repository at the following location?\nrest:http://nonexistent-host.invalid:8000/repo/")]
    public async Task Restic014_NothingListensOrUnknownHost_IsUnreachable_NotAMissingRepository(string stderr)
    {
        var client = new FixtureRunner("0.14.0", _ => Fixture.Inline("", stderr + "\n", 1)).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() => client.GetSnapshotsAsync());

        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("check that the server runs", ex.Message);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task LockedRepository_WithLockWaitTimeoutOnRestic018_PassesRetryLockInsteadOfRetrying()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "locked");
        var client = runner.CreateClient(o => o.LockWaitTimeout = TimeSpan.FromSeconds(90));

        await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.GetSnapshotsAsync());

        Assert.Equal(2, runner.Invocations.Count); // version + one snapshots run: restic waited itself
        Assert.Contains("--retry-lock=90s", runner.LastArguments);
    }

    [Fact]
    public async Task LockedRepository_WithLockWaitTimeoutOnRestic014_RetriesUntilTheTimeout()
    {
        var calls = 0;
        var runner = new FixtureRunner("0.14.0", _ => ++calls < 3 ? Fixture.Load("0.14.0", "locked") with { StandardOutput = "[]\n"u8.ToArray() } : Fixture.Load("0.14.0", "snapshots"));
        var client = runner.CreateClient(o => o.LockWaitTimeout = TimeSpan.FromMinutes(5));

        var snapshots = await client.GetSnapshotsAsync();

        Assert.Equal(2, snapshots.Count); // output of the failed attempts is not mixed in
        Assert.Equal(3, calls);
        Assert.DoesNotContain(runner.LastArguments, a => a.StartsWith("--retry-lock"));
    }

    [Fact]
    public async Task LockedRepository_WithLockWaitTimeoutOnRestic014_GivesUpWithinTenPercentOfTheTimeout()
    {
        // Each attempt takes 0.3 s (on the test's clock), like a restic that derives its key and finds the lock.
        // Back-off alone (1 s, 2 s, 4 s … jittered) gave up 3.0 to 5.3 s after a 2.5 s timeout: the deadline cuts the wait.
        var time = new SteppingTimeProvider();
        var runner = new FixtureRunner("0.14.0", _ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(300));
            return Fixture.Load("0.14.0", "locked");
        });
        var timeout = TimeSpan.FromSeconds(2.5);
        var client = runner.CreateClient(o => o.LockWaitTimeout = timeout, timeProvider: time);
        await client.GetVersionAsync();

        var start = time.GetUtcNow();
        var run = client.GetSnapshotsAsync();
        await time.RunUntilCompletedAsync(run);
        var elapsed = time.GetUtcNow() - start;

        await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => run);
        Assert.InRange(elapsed, timeout * 0.9, timeout * 1.1);
        Assert.True(runner.Invocations.Count >= 4, $"{runner.Invocations.Count} runs"); // version + at least 3 attempts
    }

    [Fact]
    public async Task Exception_FromRunWithSecrets_ContainsNoSecret()
    {
        const string Password = "correct horse battery staple";
        var stderr = $"Fatal: unable to open config file: rest:http://alice:{Password}@127.0.0.1:8000/repo failed with password {Password}";
        var runner = new FixtureRunner("0.14.0", _ => Fixture.Inline("", stderr, 1));
        var client = runner.CreateClient(o =>
        {
            o.Password = ResticPassword.FromValue(Password);
            o.Repository = ResticRepository.Parse($"rest:http://alice:{Password}@127.0.0.1:8000/repo");
        });

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.GetSnapshotsAsync());

        foreach (var text in new[] { ex.Message, ex.ResticMessage!, ex.StandardError, ex.CommandLine, ex.ToString(), client.Repository.ToString() })
        {
            Assert.DoesNotContain(Password, text);
        }

        Assert.Contains("alice:***@127.0.0.1", ex.ResticMessage);
        Assert.DoesNotContain(runner.Invocations.SelectMany(i => i.Arguments), a => a.Contains(Password));
        // RestRepository percent-encodes the user info, as restic's URL parser requires (a raw space is invalid there).
        Assert.Equal($"rest:http://alice:{Uri.EscapeDataString(Password)}@127.0.0.1:8000/repo", runner.Invocations[^1].Environment["RESTIC_REPOSITORY"]);
        Assert.Equal(Password, runner.Invocations[^1].Environment["RESTIC_PASSWORD"]);
    }
}
