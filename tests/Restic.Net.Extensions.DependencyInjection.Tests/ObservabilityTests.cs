using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Tests.Support;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>Logs, spans and metrics of a real backup by a client from the container.</summary>
[Collection(RealRepositoryCollection.Name)]
public class ObservabilityTests(RealRepositoryFixture fixture)
{
    private const string Password = "di-observability-s3cret";
    private const string Token = "api-token-s3cret";

    [Fact(Timeout = 120000)]
    public async Task BackupAsync_RealRestic_RecordsSpansMetricsAndAnAuditEventWithoutSecrets()
    {
        var repository = Path.Combine(fixture.NewFolder("observed"), "repo");
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddResticClient("observed", o =>
        {
            fixture.Configure(o, repository);
            o.Password = ResticPassword.FromValue(Password);
            o.EnvironmentVariables["BACKUP_API_TOKEN"] = Token;
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var client = provider.GetRequiredKeyedService<IResticClient>("observed");
        await client.InitAsync();
        using var telemetry = new TelemetryCollector(repository);

        var summary = await client.BackupAsync([fixture.SourcePath]);

        // One span per restic command, tagged with the outcome and exit code.
        var backup = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic backup");
        Assert.Equal("success", backup.GetTagItem("restic.outcome"));
        Assert.Equal(0, backup.GetTagItem("process.exit.code"));
        Assert.Equal(repository, backup.GetTagItem("restic.repository"));
        Assert.True(backup.Duration > TimeSpan.Zero);

        // Metrics: duration, bytes and files, matching restic's own summary.
        var duration = Assert.Single(telemetry.Of("restic.operation.duration"), m => Equals(m["restic.operation"], "backup"));
        Assert.InRange(duration.Value, 0.001, 120);
        Assert.Equal((double)summary.TotalBytesProcessed, telemetry.Sum("restic.bytes.processed"));
        Assert.Equal((double)summary.DataAdded, telemetry.Sum("restic.bytes.added"));
        Assert.True(summary.DataAdded > 0);
        Assert.Equal(20, telemetry.Sum("restic.files", ("restic.file.state", "new")));
        Assert.Empty(telemetry.Of("restic.errors"));

        // One audit event for the backup, with the snapshot and the bytes added.
        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002 && Equals(e["Operation"], "backup"));
        Assert.Equal(summary.SnapshotId!.Value.ToShortString(), audit["SnapshotId"]);
        Assert.Equal(summary.DataAdded, audit["BytesAdded"]);
        Assert.Equal(20L, audit["FilesNew"]);

        // Every level was captured, raw lines included: no secret in any of them.
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 2000);
        foreach (var entry in logs.Entries)
        {
            Assert.DoesNotContain(Password, entry.AllText);
            Assert.DoesNotContain(Token, entry.AllText);
        }

        foreach (var span in telemetry.Spans)
        {
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(Password, StringComparison.Ordinal) == true);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task GetSnapshotsAsync_WrongPasswordWithRealRestic_RecordsTheErrorTypeInSpanMetricAndAudit()
    {
        // Measurements are told apart by repository: a link of its own keeps this test's apart.
        var link = Path.Combine(fixture.NewFolder("link"), "repo");
        Directory.CreateSymbolicLink(link, fixture.RepositoryPath);
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddResticClient("wrong", o =>
        {
            fixture.Configure(o, link);
            o.Password = ResticPassword.FromValue("wrong-s3cret");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IResticClient>("wrong");
        using var telemetry = new TelemetryCollector(link);

        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());

        var span = Assert.Single(telemetry.Spans, s => s.DisplayName == "restic snapshots");
        Assert.Equal("ResticWrongPasswordException", span.GetTagItem("error.type"));
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
        Assert.Equal(1, telemetry.Sum("restic.errors", ("error.type", "ResticWrongPasswordException")));
        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal(LogLevel.Warning, audit.Level);
        Assert.Equal("failed", audit["Outcome"]);
        Assert.DoesNotContain(logs.Entries, e => e.AllText.Contains("wrong-s3cret", StringComparison.Ordinal));
    }
}
