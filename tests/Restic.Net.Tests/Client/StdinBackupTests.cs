using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class StdinBackupTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task BackupFromStreamAsync_Recording_WritesTheContentToStdinAndReturnsTheSummary(string version)
    {
        var runner = FixtureRunner.Replaying(version, "backup-stdin");
        var content = Encoding.UTF8.GetBytes("CREATE TABLE t (id int);\n");
        var reports = new List<BackupProgress>();

        var summary = await runner.CreateClient().BackupFromStreamAsync(new MemoryStream(content), "dump.sql", new StdinBackupOptions { HostName = "fixture-host" }, new SynchronousProgress<BackupProgress>(reports.Add));

        Assert.True(summary.IsComplete);
        Assert.Equal(1L, summary.FilesNew);
        Assert.Equal(version != "0.14.0", summary.SnapshotId!.Value.IsFull);
        Assert.Equal(content, Assert.Single(runner.StandardInputs));
        Assert.Equal(["backup", "--json", "--stdin", "--stdin-filename=dump.sql", "--host=fixture-host"], runner.LastArguments);
        Assert.Equal(1, reports[^1].PercentDone);
    }

    [Fact]
    public async Task BackupFromStreamAsync_ContentThrows_RethrowsTheContentsOwnException()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup-stdin");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => runner.CreateClient().BackupFromStreamAsync(new ThrowingStream(), "db.sql"));

        Assert.Equal("producer failed", ex.Message);
    }

    [Fact]
    public void BackupStdin_AllOptions_ProducesGoldenArgv()
    {
        var time = new DateTimeOffset(2024, 7, 26, 10, 11, 12, TimeSpan.Zero);
        var options = new StdinBackupOptions { Tags = ["db", "nightly"], HostName = "h", Parent = SnapshotReference.Parse("abcd1234"), Time = time, DryRun = true };
        var local = time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(
            ["backup", "--json", "--stdin", "--stdin-filename=dir/-x.sql", "--tag=db", "--tag=nightly", "--host=h", "--parent=abcd1234", "--time=" + local, "--dry-run"],
            Argv(ResticCommands.BackupStdin("dir/-x.sql", options)));
        Assert.Equal(
            ["backup", "--json", "--stdin-from-command", "--stdin-filename=out.sql", "--", "pg_dump", "-Fc", "my db"],
            Argv(ResticCommands.BackupFromCommand(["pg_dump", "-Fc", "my db"], "out.sql", new StdinBackupOptions())));
    }

    [Fact]
    public async Task BackupFromCommandAsync_Recording_RunsTheCommandThroughRestic()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup-stdin-command");

        var summary = await runner.CreateClient().BackupFromCommandAsync(["sh", "-c", "printf 'from a command\\n'"], "cmd.txt");

        Assert.Equal(15L, summary.TotalBytesProcessed);
        Assert.Equal(["backup", "--json", "--stdin-from-command", "--stdin-filename=cmd.txt", "--", "sh", "-c", "printf 'from a command\\n'"], runner.LastArguments);
    }

    [Fact]
    public async Task BackupFromCommandAsync_CommandFails_ThrowsWithResticsMessage()
    {
        var client = FixtureRunner.Replaying("0.18.0", "backup-stdin-command-failed").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.BackupFromCommandAsync(["sh", "-c", "printf partial; exit 3"], "failed.txt"));

        Assert.Contains("command failed: exit status 3", ex.Message);
    }

    [Fact]
    public async Task BackupFromCommandAsync_Restic014_ThrowsNotSupportedBeforeRunningAnything()
    {
        var runner = FixtureRunner.Replaying("0.14.0", "backup-stdin");

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => runner.CreateClient().BackupFromCommandAsync(["true"], "x"));

        Assert.Equal(new Version(0, 17, 0), ex.RequiredVersion);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task BackupFromStreamAsync_FolderInFileNameOnRestic0180_ThrowsNotSupported()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup-stdin");

        var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => runner.CreateClient().BackupFromStreamAsync(new MemoryStream([1]), "db/dump.sql"));

        Assert.Equal(new Version(0, 18, 1), ex.RequiredVersion);
        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs.sql")]
    [InlineData("dir/")]
    [InlineData("../up.sql")]
    [InlineData("a/./b")]
    [InlineData("line\nbreak")]
    public async Task BackupFromStreamAsync_InvalidFileName_ThrowsBeforeAnyProcessStarts(string fileName)
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup-stdin");

        await Assert.ThrowsAsync<ArgumentException>(() => runner.CreateClient().BackupFromStreamAsync(new MemoryStream([1]), fileName));

        Assert.Empty(runner.Invocations);
    }

    private static string[] Argv(ResticCommand command)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw") };
        return command.ToArguments(new ResticSettings(options), new ResticCapabilities(new Version(0, 18, 0))).ToArray();
    }


    private sealed class ThrowingStream : MemoryStream
    {
        public ThrowingStream()
            : base(new byte[100])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new InvalidDataException("producer failed"));
    }
}
