using System.Diagnostics;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Diagnostics;

public class TelemetryTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_RecordedBackup_RecordsASpanDurationBytesAndFiles(string version)
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        var client = FixtureRunner.Replaying(version, "backup").CreateClient(o => o.Repository = new LocalRepository(repository));

        var summary = await client.BackupAsync(["/tmp/restic-fixtures/src"]);

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic backup");
        Assert.Equal("backup", span.GetTagItem("restic.operation"));
        Assert.Equal("success", span.GetTagItem("restic.outcome"));
        Assert.Equal(0, span.GetTagItem("process.exit.code"));
        Assert.Equal(1, span.GetTagItem("restic.attempts"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Single(telemetry.Spans, s => s.DisplayName == "restic version");

        var duration = Assert.Single(telemetry.Of("restic.operation.duration"), m => Equals(m["restic.operation"], "backup"));
        Assert.Equal("success", duration["restic.outcome"]);
        Assert.True(duration.Value >= 0);
        Assert.Equal((double)summary.TotalBytesProcessed, telemetry.Sum("restic.bytes.processed", ("restic.operation", "backup")));
        Assert.Equal((double)summary.DataAdded, telemetry.Sum("restic.bytes.added"));
        Assert.Equal(40, telemetry.Sum("restic.files", ("restic.file.state", "new")));
        Assert.Equal(0, telemetry.Sum("restic.files", ("restic.file.state", "changed")));
        Assert.Empty(telemetry.Of("restic.errors"));
    }

    [Theory]
    [InlineData("0.14.0", 1)]
    [InlineData("0.18.0", 12)]
    [InlineData("0.19.1", 12)]
    public async Task GetSnapshotsAsync_WrongPassword_RecordsAnErrorSpanAndCountsTheErrorType(string version, int exitCode)
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        var client = FixtureRunner.Replaying(version, "wrong-password").CreateClient(o => o.Repository = new LocalRepository(repository));

        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic snapshots");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ResticWrongPasswordException", span.GetTagItem("error.type"));
        Assert.Equal("failure", span.GetTagItem("restic.outcome"));
        Assert.Equal(exitCode, span.GetTagItem("process.exit.code"));
        var error = Assert.Single(telemetry.Of("restic.errors"));
        Assert.Equal("ResticWrongPasswordException", error["error.type"]);
        Assert.Equal("snapshots", error["restic.operation"]);
        var duration = Assert.Single(telemetry.Of("restic.operation.duration"), m => Equals(m["restic.operation"], "snapshots"));
        Assert.Equal("failure", duration["restic.outcome"]);
        Assert.Equal("ResticWrongPasswordException", duration["error.type"]);
    }

    [Fact]
    public async Task BackupAsync_UnreadableFiles_RecordsAPartialOutcome()
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        var client = FixtureRunner.Replaying("0.18.0", "backup-partial").CreateClient(o => o.Repository = new LocalRepository(repository));

        var summary = await client.BackupAsync(["/tmp/restic-fixtures/src"]);

        Assert.False(summary.IsComplete);
        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic backup");
        Assert.Equal("partial", span.GetTagItem("restic.outcome"));
        Assert.Equal(3, span.GetTagItem("process.exit.code"));
        Assert.Equal("partial", Assert.Single(telemetry.Of("restic.operation.duration"), m => Equals(m["restic.operation"], "backup"))["restic.outcome"]);
    }

    [Fact]
    public async Task RestoreAsync_SomeFilesNotWritten_RecordsAPartialOutcome()
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        const string Stdout = "{\"message_type\":\"summary\",\"total_files\":2,\"files_restored\":2,\"total_bytes\":20,\"bytes_restored\":20}\n";
        const string Stderr =
            "{\"message_type\":\"error\",\"error\":{\"message\":\"write /t/a: no space left on device\"},\"during\":\"restore\",\"item\":\"/a\"}\n" +
            "{\"message_type\":\"exit_error\",\"code\":1,\"message\":\"Fatal: There were 1 errors\\n\"}\n";
        var client = new FixtureRunner("0.18.0", _ => Fixture.Inline(Stdout, Stderr, 1)).CreateClient(o => o.Repository = new LocalRepository(repository));

        Assert.False((await client.RestoreAsync(SnapshotReference.Latest, "/t")).IsComplete);

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic restore");
        Assert.Equal("partial", span.GetTagItem("restic.outcome"));
        Assert.Equal(1, span.GetTagItem("process.exit.code"));
    }

    [Fact]
    public async Task ForgetAsync_LockedThenFree_CountsTheRetryAndTheLockWait()
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        var calls = 0;
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Load("0.18.0", ++calls == 1 ? "locked" : "forget"));
        var client = runner.CreateClient(o =>
        {
            o.Repository = new LocalRepository(repository);
            o.Resilience = new RetryWhileLocked();
        });

        await client.ForgetAsync(new RetentionPolicy { KeepLast = 1 });

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic forget");
        Assert.Equal(2, span.GetTagItem("restic.attempts"));
        Assert.Equal("success", span.GetTagItem("restic.outcome"));
        var retry = Assert.Single(span.Events);
        Assert.Equal("retry", retry.Name);
        var retries = Assert.Single(telemetry.Of("restic.retries"));
        Assert.Equal("ResticRepositoryLockedException", retries["error.type"]);
        Assert.Equal(1, telemetry.Sum("restic.lock.waits", ("restic.operation", "forget")));
        Assert.Empty(telemetry.Of("restic.errors"));
    }

    [Fact]
    public async Task BackupAsync_CallerCancels_RecordsACancelledSpanWithoutAnError()
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        using var cts = new CancellationTokenSource();
        var runner = new FixtureRunner("0.18.0", _ =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        });
        var client = runner.CreateClient(o => o.Repository = new LocalRepository(repository));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.BackupAsync(["/src"], null, cancellationToken: cts.Token));

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic backup");
        Assert.Equal("cancelled", span.GetTagItem("restic.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(telemetry.Of("restic.errors"));
        Assert.Single(telemetry.Of("restic.operation.duration"), m => Equals(m["restic.outcome"], "cancelled"));
    }

    [Theory]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task RestoreAsync_RecordedRestore_CountsRestoredBytesAndFiles(string version)
    {
        var repository = UniqueRepository();
        using var telemetry = new TelemetryCollector(repository);
        var client = FixtureRunner.Replaying(version, "restore").CreateClient(o => o.Repository = new LocalRepository(repository));

        var summary = await client.RestoreAsync(SnapshotReference.Latest, "/tmp/restic-fixtures/target");

        Assert.Single(telemetry.Spans, s => s.DisplayName == "restic restore");
        Assert.Equal((double)summary.BytesRestored!.Value, telemetry.Sum("restic.bytes.processed", ("restic.operation", "restore")));
        Assert.Equal((double)summary.FilesRestored!.Value, telemetry.Sum("restic.files", ("restic.file.state", "restored")));
    }

    private static string UniqueRepository() => "/tmp/restic-telemetry-" + Guid.NewGuid().ToString("N");

    /// <summary>A custom policy: its retries count as the client's own do.</summary>
    private sealed class RetryWhileLocked : ResticResiliencePolicy
    {
        public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
        {
            for (var retry = 0; ; retry++)
            {
                try
                {
                    await attempt(cancellationToken);
                    return;
                }
                catch (ResticRepositoryLockedException) when (retry < 3)
                {
                }
            }
        }
    }
}
