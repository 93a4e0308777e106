using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class DumpTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task DumpAsync_Recording_WritesTheFileBytesToTheDestination(string version)
    {
        var runner = FixtureRunner.Replaying(version, "dump");
        using var destination = new MemoryStream();

        await runner.CreateClient().DumpAsync(SnapshotReference.Latest, "/tmp/restic-fixtures/src/docs/note-02.txt", destination);

        Assert.Equal(Fixture.Load(version, "dump").StandardOutput, destination.ToArray());
        Assert.StartsWith("note 02 line 1: ", System.Text.Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal(["dump", "--json", "--", "latest", "/tmp/restic-fixtures/src/docs/note-02.txt"], runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task DumpAsync_MissingPath_ThrowsTheTypedException(string version)
    {
        // 0.14 exits 2, 0.18 exits 1 with an exit_error.
        var client = FixtureRunner.Replaying(version, "dump-missing").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticPathNotFoundException>(() => client.DumpAsync(SnapshotReference.Latest, "/tmp/restic-fixtures/src/no-such-file", new MemoryStream()));

        Assert.Contains("not found in snapshot", ex.Message);
        Assert.Equal("/tmp/restic-fixtures/src/no-such-file", ex.Path);
    }

    [Fact]
    public void Dump_AllOptions_ProducesGoldenArgv()
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw") };
        var command = ResticCommands.Dump(SnapshotReference.Parse("abcd1234:/sub"), "-dir", new DumpOptions { Archive = DumpArchiveFormat.Zip, Filter = new SnapshotFilter { Tags = ["t"] } });

        Assert.Equal(
            ["dump", "--json", "--tag=t", "--archive=zip", "--", "abcd1234:/sub", "-dir"],
            command.ToArguments(new ResticSettings(options), new ResticCapabilities(new Version(0, 18, 0))));
    }

    [Fact]
    public async Task DumpAsync_InvalidInput_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "dump");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.DumpAsync(SnapshotReference.Latest, "", new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DumpAsync(default, "/a", new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DumpAsync(SnapshotReference.Latest, "/a", new MemoryStream([], writable: false)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DumpAsync(SnapshotReference.Latest, "/a", null!));
        Assert.Empty(runner.Invocations);
    }

    [Fact(Timeout = 30000)]
    public async Task DumpAsync_DestinationFails_InterruptsResticAndRethrowsTheDestinationsError()
    {
        CancellationToken resticToken = default;
        var runner = ScriptedRunner(async (invocation, ct) =>
        {
            resticToken = ct;
            await invocation.StandardOutput!.WriteAsync(new byte[100], ct);
            await Task.Delay(Timeout.Infinite, ct); // restic waits until it is interrupted
            return 0;
        });

        var ex = await Assert.ThrowsAsync<IOException>(() => runner.CreateClient().DumpAsync(SnapshotReference.Latest, "/f", new FailingStream()));

        Assert.Equal("disk full", ex.Message);
        Assert.True(resticToken.IsCancellationRequested);
    }

    [Fact]
    public async Task OpenDumpAsync_ReadToTheEnd_YieldsTheBytes()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "dump");

        await using var stream = await runner.CreateClient().OpenDumpAsync(SnapshotReference.Latest, "/tmp/restic-fixtures/src/docs/note-02.txt");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Fixture.Load("0.18.0", "dump").StandardOutput, copy.ToArray());
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task OpenDumpAsync_MissingPath_ThrowsBeforeReturningAStream(string version)
    {
        var client = FixtureRunner.Replaying(version, "dump-missing").CreateClient();

        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => client.OpenDumpAsync(SnapshotReference.Latest, "/tmp/restic-fixtures/src/no-such-file"));
    }

    [Fact(Timeout = 30000)]
    public async Task OpenDumpAsync_ResticFailsAfterSomeBytes_ThrowsAtTheEndOfTheStream()
    {
        var failure = Fixture.Load("0.18.0", "dump-missing");
        var runner = new FixtureRunner("0.18.0", _ => failure with { StandardOutput = new byte[10_000] });

        await using var stream = await runner.CreateClient().OpenDumpAsync(SnapshotReference.Latest, "/f");
        var buffer = new byte[4096];
        var read = 0;
        var ex = await Assert.ThrowsAsync<ResticPathNotFoundException>(async () =>
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                read += n;
            }
        });

        Assert.Equal(10_000, read);
        Assert.Equal(1, ex.ExitCode);
    }

    [Fact(Timeout = 30000)]
    public async Task OpenDumpAsync_DisposedBeforeTheEnd_InterruptsRestic()
    {
        var interrupted = new TaskCompletionSource();
        var runner = ScriptedRunner(async (invocation, ct) =>
        {
            try
            {
                // Like restic on SIGINT: stop writing once interrupted.
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    await invocation.StandardOutput!.WriteAsync(new byte[64 * 1024], ct);
                }
            }
            catch (OperationCanceledException)
            {
                interrupted.TrySetResult();
                throw;
            }
        });

        await using (var stream = await runner.CreateClient().OpenDumpAsync(SnapshotReference.Latest, "/big"))
        {
            Assert.True(await stream.ReadAsync(new byte[1000]) > 0);
        }

        await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static FixtureRunner ScriptedRunner(Func<ResticInvocation, CancellationToken, Task<int>> run)
    {
        return new FixtureRunner("0.18.0", _ => throw new InvalidOperationException()).Scripted((invocation, _, ct) => run(invocation, ct));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("disk full"));
    }
}
