using Microsoft.Extensions.Logging;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Diagnostics;

public class AuditLogTests
{
    private const string Password = "pa55-fixture-secret";
    private const string UrlPassword = "url-s3cret";
    private const string KeyValue = "aws-key-s3cret";

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_RecordedBackup_LogsOneAuditEventWithTheSnapshotAndBytes(string version)
    {
        var logs = new CapturingLoggerFactory();
        var client = FixtureRunner.Replaying(version, "backup").CreateClient(loggerFactory: logs);

        var summary = await client.BackupAsync(["/src"]);

        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal("OperationAudit", audit.EventId.Name);
        Assert.Equal(LogLevel.Information, audit.Level);
        Assert.Equal("backup", audit["Operation"]);
        Assert.Equal("/tmp/restic-fixtures/repo", audit["Repository"]);
        Assert.Equal("succeeded", audit["Outcome"]);
        Assert.Equal(summary.SnapshotId!.Value.ToShortString(), audit["SnapshotId"]);
        Assert.Equal(summary.DataAdded, audit["BytesAdded"]);
        Assert.Equal(summary.FilesNew, audit["FilesNew"]);
        Assert.Equal(summary.FilesChanged, audit["FilesChanged"]);
        Assert.IsType<long>(audit["DurationMs"]);
        Assert.Contains($"snapshot {summary.SnapshotId.Value.ToShortString()}", audit.Message);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupAsync_PartialBackup_LogsAPartialAuditEventAtWarning(string version)
    {
        var logs = new CapturingLoggerFactory();
        var client = FixtureRunner.Replaying(version, "backup-partial").CreateClient(loggerFactory: logs);

        var summary = await client.BackupAsync(["/src"]);

        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal(LogLevel.Warning, audit.Level);
        Assert.Equal("partial", audit["Outcome"]);
        Assert.Equal(summary.Errors.Count, audit["ErrorCount"]);
        Assert.Equal(3, audit["ExitCode"]);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetSnapshotsAsync_WrongPassword_LogsOneFailedAuditEventAtWarning(string version)
    {
        var logs = new CapturingLoggerFactory();
        var client = FixtureRunner.Replaying(version, "wrong-password").CreateClient(loggerFactory: logs);

        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());

        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal(LogLevel.Warning, audit.Level);
        Assert.Equal("snapshots", audit["Operation"]);
        Assert.Equal("failed", audit["Outcome"]);
        Assert.Equal("ResticWrongPasswordException", audit["ErrorType"]);
        Assert.Equal(ex.ExitCode, audit["ExitCode"]);
        Assert.Null(audit["SnapshotId"]);
        Assert.Contains("ResticWrongPasswordException", audit.Message);
    }

    [Fact]
    public async Task GetStatsAsync_TwoResticRuns_LogOneAuditEvent()
    {
        var logs = new CapturingLoggerFactory();
        var runner = new FixtureRunner("0.18.0", i => Fixture.Load("0.18.0", i.Arguments.Contains("--mode=raw-data") ? "stats-raw-data" : "stats"));
        var client = runner.CreateClient(loggerFactory: logs);

        await client.GetStatsAsync();

        Assert.Equal(2, runner.Invocations.Count(i => i.Arguments[0] == "stats"));
        var audit = Assert.Single(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Equal("stats", audit["Operation"]);
    }

    [Theory]
    [InlineData("0.14.0", "backup")]
    [InlineData("0.18.0", "backup")]
    [InlineData("0.19.1", "backup")]
    [InlineData("0.14.0", "wrong-password")]
    [InlineData("0.18.0", "wrong-password")]
    [InlineData("0.19.1", "wrong-password")]
    [InlineData("0.18.0", "backup-partial")]
    [InlineData("0.19.1", "backup-partial")]
    public async Task AnyOperation_SecretsInOptions_AppearInNoLogEventAtAnyLevel(string version, string scenario)
    {
        var logs = new CapturingLoggerFactory();
        var runner = new FixtureRunner(version, _ =>
        {
            var recorded = Fixture.Load(version, scenario);
            // restic echoing secrets in a stray text line and on stderr must not leak them either.
            return recorded with
            {
                StandardOutput = [.. recorded.StandardOutput, .. System.Text.Encoding.UTF8.GetBytes($"echo {Password} {UrlPassword} {KeyValue}\n")],
                StandardError = recorded.StandardError + $"\nwarning: {Password} {UrlPassword} {KeyValue}\n",
            };
        });
        var client = runner.CreateClient(
            o =>
            {
                o.Repository = ResticRepository.Parse($"rest:https://backup:{UrlPassword}@example.invalid/repo");
                o.Password = ResticPassword.FromValue(Password);
                o.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = KeyValue;
            },
            logs);

        try
        {
            await client.BackupAsync(["/src"]);
        }
        catch (ResticException)
        {
            // The failure scenarios are logged too; the assertion is about what was logged.
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002);
        foreach (var entry in logs.Entries)
        {
            Assert.DoesNotContain(Password, entry.AllText);
            Assert.DoesNotContain(UrlPassword, entry.AllText);
            Assert.DoesNotContain(KeyValue, entry.AllText);
        }
    }

    [Theory]
    [InlineData("pa/ss")] // unencoded '/': only a GenericRepository can hold it
    [InlineData("pa@ss")] // unencoded '@'
    [InlineData("o")] // one character
    public async Task UrlPasswordsOfAnyShape_AppearNowhere_AndShortOnesGarbleNothing(string urlPassword)
    {
        var location = $"rest:http://user:{urlPassword}@host:8000/repo/";
        var logs = new CapturingLoggerFactory();
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline(
            string.Empty,
            $"Fatal: unable to open config file: Stat: Head \"http://user:{urlPassword}@host:8000/repo/config\"\nIs there a repository at the following location?\n{location}\n",
            1));
        var client = runner.CreateClient(o => o.Repository = new GenericRepository(location), logs);

        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());

        var texts = logs.Entries.Select(e => e.AllText).Append(ex.Message).Append(ex.StandardError).Append(ex.ResticMessage!)
            .Append(client.Repository.RedactedLocation).Append(new GenericRepository(location).ToString());
        foreach (var text in texts)
        {
            Assert.DoesNotContain($":{urlPassword}@", text);
            Assert.DoesNotContain("ss@host", text);
        }

        Assert.Contains("unable to open config file", ex.Message);
        Assert.Contains("Is there a repository", ex.ResticMessage);
    }

    [Fact]
    public void EventIds_EveryLoggerMessage_IsUniqueAndDocumented()
    {
        var methods = typeof(ResticClient).Assembly.GetType("Restic.Net.Diagnostics.Log", throwOnError: true)!
            .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Select(m => m.GetCustomAttributes(typeof(LoggerMessageAttribute), false).Cast<LoggerMessageAttribute>().SingleOrDefault())
            .OfType<LoggerMessageAttribute>()
            .ToArray();
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "logging.md"));

        Assert.NotEmpty(methods);
        Assert.Equal(methods.Length, methods.Select(m => m.EventId).Distinct().Count());
        foreach (var method in methods)
        {
            Assert.Contains($"| {method.EventId} | `{method.EventName}` |", docs);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Restic.Net.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Restic.Net.sln not found above " + AppContext.BaseDirectory);
    }
}
