using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class BrowseTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetNodesAsync_Recording_YieldsEveryNode(string version)
    {
        var runner = FixtureRunner.Replaying(version, "ls");
        var listing = runner.CreateClient().GetNodesAsync(SnapshotReference.Latest);

        Assert.Empty(runner.Invocations); // nothing runs before the enumeration
        var nodes = new List<SnapshotNode>();
        await foreach (var node in listing)
        {
            nodes.Add(node);
        }

        Assert.Equal(51, nodes.Count);
        Assert.Equal(9, nodes.Count(n => n.Type == NodeType.Directory));
        Assert.Equal(41, nodes.Count(n => n.Type == NodeType.File));
        var link = Assert.Single(nodes, n => n.Type == NodeType.Symlink);
        Assert.Equal("/tmp/restic-fixtures/src/link-to-note", link.Path);
        Assert.Null(link.Size);
        var note = Assert.Single(nodes, n => n.Path == "/tmp/restic-fixtures/src/docs/note-01.txt");
        Assert.Equal("note-01.txt", note.Name);
        Assert.Equal(215L, note.Size);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, note.Mode);
        Assert.Equal("-rw-r--r--", note.Permissions);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), note.ModificationTime);
        Assert.Equal(version != "0.14.0", note.Inode is > 0);
        Assert.Equal(0L, Assert.Single(nodes, n => n.Name == "empty-file.txt").Size);
        Assert.Contains(nodes, n => n.Name == "a&b <c>.txt");
        Assert.Contains(nodes, n => n.Name == "grüße-café.txt");
        Assert.Equal(["ls", "--json", "--", "latest"], runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ListAsync_FolderWithoutRecursion_YieldsTheFolderAndItsChildren(string version)
    {
        var runner = FixtureRunner.Replaying(version, "ls-dir");

        var nodes = await ToListAsync(runner.CreateClient().GetNodesAsync(SnapshotReference.Latest, new ListOptions { Paths = ["/tmp/restic-fixtures/src/docs"] }));

        Assert.Equal("docs", nodes[0].Name);
        Assert.Equal(NodeType.Directory, nodes[0].Type);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, nodes[0].Mode);
        Assert.All(nodes.Skip(1), n => Assert.StartsWith("/tmp/restic-fixtures/src/docs/", n.Path));
        Assert.Equal(22, nodes.Count); // docs, note-01..20, note-new
        Assert.Equal(["ls", "--json", "--", "latest", "/tmp/restic-fixtures/src/docs"], runner.LastArguments);
    }

    [Fact]
    public void Ls_AllOptions_ProducesGoldenArgv()
    {
        var command = ResticCommands.Ls(SnapshotReference.Parse("abcdef12:/sub"), new ListOptions
        {
            Paths = ["/a", "-b"],
            Recursive = true,
            Filter = new SnapshotFilter { HostNames = ["h"], Tags = ["t"], Paths = ["/p"] },
        });

        Assert.Equal(["ls", "--json", "--host=h", "--tag=t", "--path=/p", "--recursive", "--", "abcdef12:/sub", "/a", "-b"], Argv(command));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ListAsync_UnknownSnapshot_ThrowsOnEveryVersion(string version)
    {
        // 0.14 exits 0 and prints nothing but "Ignoring ..." on stderr; 0.18 exits 1.
        var client = FixtureRunner.Replaying(version, "ls-missing-snapshot").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => ToListAsync(client.GetNodesAsync(SnapshotReference.Parse("deadbeef"))));

        Assert.Contains("no matching ID found", ex.Message);
    }

    [Fact]
    public void ListAsync_InvalidInput_ThrowsBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "ls");
        var client = runner.CreateClient();

        Assert.Throws<ArgumentException>(() => client.GetNodesAsync(default));
        Assert.Throws<ArgumentException>(() => client.GetNodesAsync(SnapshotReference.Latest, new ListOptions { Paths = [""] }));
        Assert.Throws<ArgumentException>(() => client.FindAsync([]));
        Assert.Throws<ArgumentException>(() => client.FindAsync(["a\0b"]));
        Assert.Throws<ArgumentException>(() => client.StreamDiffAsync(SnapshotReference.Latest, default));
        Assert.Empty(runner.Invocations);
    }

    [Fact(Timeout = 30000)]
    public async Task ListAsync_LargeListingAndSlowReader_PausesResticAtThePipeLimit()
    {
        const int Lines = 100_000;
        var line = Encoding.UTF8.GetBytes("""{"name":"f","type":"file","path":"/d/f","uid":0,"gid":0,"size":1,"mode":420,"permissions":"-rw-r--r--","mtime":"2024-01-02T03:04:05Z","atime":"2024-01-02T03:04:05Z","ctime":"2024-01-02T03:04:05Z","struct_type":"node"}""" + "\n");
        var snapshot = Fixture.Load("0.14.0", "ls").StandardOutput.AsSpan().ToArray();
        snapshot = snapshot[..(Array.IndexOf(snapshot, (byte)'\n') + 1)];
        long written = 0;
        var runner = RawRunner(async (invocation, ct) =>
        {
            await invocation.StandardOutput!.WriteAsync(snapshot, ct);
            for (var i = 0; i < Lines; i++)
            {
                await invocation.StandardOutput.WriteAsync(line, ct);
                Interlocked.Add(ref written, line.Length);
            }

            return 0;
        });

        var count = 0;
        long writtenWhilePaused = 0;
        await foreach (var node in runner.CreateClient().GetNodesAsync(SnapshotReference.Latest))
        {
            if (count++ == 0)
            {
                // restic (here: the runner) runs ahead only until the pipe is full.
                await Task.Delay(300);
                writtenWhilePaused = Interlocked.Read(ref written);
            }
        }

        Assert.Equal(Lines, count);
        Assert.InRange(writtenWhilePaused, 1, 2 * OutputPipe.PauseThreshold);
        Assert.Equal((long)Lines * line.Length, written);
    }

    [Fact(Timeout = 30000)]
    public async Task ListAsync_LineLongerThanThePipeLimit_IsReadWhole()
    {
        // A path of 3 MiB in small writes, as restic writes: longer than every buffer and than the pause threshold.
        var longName = new string('x', 3 * OutputPipe.PauseThreshold);
        var lines = Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(SnapshotLine("0.18.0")) +
            $$"""{"name":"{{longName}}","type":"file","path":"/d/{{longName}}","uid":0,"gid":0,"size":7,"mode":420,"permissions":"-rw-r--r--","mtime":"2024-01-02T03:04:05Z","atime":"2024-01-02T03:04:05Z","ctime":"2024-01-02T03:04:05Z","message_type":"node","struct_type":"node"}""" + "\r\n" +
            """{"name":"after","type":"file","path":"/d/after","uid":0,"gid":0,"size":1,"mode":420,"permissions":"-rw-r--r--","mtime":"2024-01-02T03:04:05Z","atime":"2024-01-02T03:04:05Z","ctime":"2024-01-02T03:04:05Z","message_type":"node","struct_type":"node"}""" + "\n");
        var runner = RawRunner(async (invocation, ct) =>
        {
            for (var offset = 0; offset < lines.Length; offset += 4096)
            {
                await invocation.StandardOutput!.WriteAsync(lines.AsMemory(offset, Math.Min(4096, lines.Length - offset)), ct);
            }

            return 0;
        });

        var nodes = await ToListAsync(runner.CreateClient().GetNodesAsync(SnapshotReference.Latest));

        Assert.Equal(2, nodes.Count);
        Assert.Equal(longName, nodes[0].Name);
        Assert.Equal("/d/" + longName, nodes[0].Path);
        Assert.Equal(7L, nodes[0].Size);
        Assert.Equal("after", nodes[1].Name);
    }

    private static byte[] SnapshotLine(string version)
    {
        var output = Fixture.Load(version, "ls").StandardOutput;
        return output[..(Array.IndexOf(output, (byte)'\n') + 1)];
    }

    [Fact(Timeout = 30000)]
    public async Task ListAsync_ReaderStopsEarly_InterruptsResticAndEndsQuietly()
    {
        var interrupted = new TaskCompletionSource();
        var runner = RawRunner(async (invocation, ct) =>
        {
            await invocation.StandardOutput!.WriteAsync(Fixture.Load("0.18.0", "ls").StandardOutput, ct);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                interrupted.TrySetResult();
            }

            return 0;
        });

        await foreach (var node in runner.CreateClient().GetNodesAsync(SnapshotReference.Latest))
        {
            break;
        }

        await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 30000)]
    public async Task ListAsync_CallerCancels_ThrowsWithTheCallersToken()
    {
        using var cts = new CancellationTokenSource();
        var runner = RawRunner(async (invocation, ct) =>
        {
            await invocation.StandardOutput!.WriteAsync(Fixture.Load("0.18.0", "ls").StandardOutput, ct);
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        });

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var node in runner.CreateClient().GetNodesAsync(SnapshotReference.Latest, null, cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task ListAsync_MalformedNodeLine_ThrowsOutputExceptionWithTheLine()
    {
        var good = Fixture.Load("0.18.0", "ls");
        var runner = new FixtureRunner("0.18.0", _ => good with { StandardOutput = [.. good.StandardOutput, .. """{"message_type":"node","name":42}"""u8] });

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => ToListAsync(runner.CreateClient().GetNodesAsync(SnapshotReference.Latest)));

        Assert.Contains("\"name\":42", ex.OutputLine);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task FindAsync_Recording_YieldsTheMatchesPerSnapshot(string version)
    {
        var runner = FixtureRunner.Replaying(version, "find");

        var results = await ToListAsync(runner.CreateClient().FindAsync(["note-0*.txt", "record-01.csv"]));

        Assert.Equal(2, results.Count);
        Assert.Equal(2, results.Select(r => r.SnapshotId).Distinct().Count());
        Assert.All(results, r => Assert.True(r.SnapshotId.IsFull));
        Assert.All(results, r => Assert.Equal(r.Hits, (long)r.Matches.Count));
        var record = results[0].Matches.Single(m => m.Name == "record-01.csv");
        Assert.Equal("/tmp/restic-fixtures/src/data/record-01.csv", record.Path);
        Assert.Equal("root", record.UserName);
        Assert.Equal("root", record.GroupName);
        Assert.Equal(1L, record.Links);
        Assert.Equal(3584L, record.Size);
        Assert.Equal(["find", "--json", "--", "note-0*.txt", "record-01.csv"], runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task FindAsync_NoMatch_YieldsNothing(string version)
    {
        Assert.Empty(await ToListAsync(FixtureRunner.Replaying(version, "find-none").CreateClient().FindAsync(["no-such-file-*"])));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task FindAsync_MissingRepository_ThrowsTheTypedException(string version)
    {
        var client = FixtureRunner.Replaying(version, "repo-missing").CreateClient();

        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ToListAsync(client.FindAsync(["*"])));
    }

    [Fact]
    public void Find_AllOptions_ProducesGoldenArgv()
    {
        var time = new DateTimeOffset(2024, 7, 26, 10, 11, 12, TimeSpan.Zero);
        var local = time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var command = ResticCommands.Find(["*.sql", "-x"], new FindOptions
        {
            Snapshots = [SnapshotReference.Parse("abcd1234"), SnapshotReference.Latest],
            Filter = new SnapshotFilter { HostNames = ["h"] },
            IgnoreCase = true,
            Oldest = time,
            Newest = time,
        });

        Assert.Equal(
            ["find", "--json", "--snapshot=abcd1234", "--snapshot=latest", "--host=h", "--ignore-case", "--oldest=" + local, "--newest=" + local, "--", "*.sql", "-x"],
            Argv(command));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task DiffAsync_Recording_YieldsTheChangesThenTheStatistics(string version)
    {
        var runner = FixtureRunner.Replaying(version, "diff");
        var events = await ToListAsync(runner.CreateClient().StreamDiffAsync(SnapshotReference.Parse("5a32ab68"), SnapshotReference.Parse("f9fe33a2")));

        var changes = events.OfType<DiffChangeEvent>().Select(e => e.Change).ToList();
        Assert.Single(events.OfType<DiffCompletedEvent>());

        Assert.Equal(3, changes.Count);
        Assert.True(Assert.Single(changes, c => c.Path.EndsWith("note-new.txt")).IsAdded);
        Assert.All(changes.Where(c => !c.Path.EndsWith("note-new.txt")), c => Assert.True(c.IsContentChanged));
        Assert.DoesNotContain(changes, c => c.IsDirectory || c.IsRemoved || c.IsMetadataChanged);
        var statistics = Assert.IsType<DiffCompletedEvent>(events[^1]).Statistics;
        Assert.Equal(2, statistics.ChangedFiles);
        Assert.Equal(1, statistics.Added.Files);
        Assert.Equal(3, statistics.Added.DataBlobs);
        Assert.InRange(statistics.Added.Bytes, 10_000L, 30_000L); // varies with the tree metadata of each recording
        Assert.Equal(6, statistics.Removed.TreeBlobs);
        // restic echoes its arguments unresolved (an 8-character prefix stays one): the statistics carry the references given.
        Assert.Equal(SnapshotReference.Parse("5a32ab68"), statistics.SourceSnapshot);
        Assert.Equal(SnapshotReference.Parse("f9fe33a2"), statistics.TargetSnapshot);
        Assert.Equal(["diff", "--json", "--", "5a32ab68", "f9fe33a2"], runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.19.1")]
    public async Task DiffAsync_TheTaskSibling_ReturnsWhatTheStreamYields(string version)
    {
        var (first, second) = (SnapshotReference.Parse("5a32ab68"), SnapshotReference.Parse("f9fe33a2"));
        var events = await ToListAsync(FixtureRunner.Replaying(version, "diff").CreateClient().StreamDiffAsync(first, second));

        var result = await FixtureRunner.Replaying(version, "diff").CreateClient().DiffAsync(first, second);

        Assert.Equal(events.OfType<DiffChangeEvent>().Select(e => e.Change), result.Changes);
        Assert.Equal(Assert.IsType<DiffCompletedEvent>(events[^1]).Statistics, result.Statistics);
    }

    [Fact]
    public async Task DiffAsync_AStreamWithoutItsTotals_IsAnOutputError()
    {
        var client = new Moq.Mock<IResticClient>();
        client.Setup(c => c.StreamDiffAsync(SnapshotReference.Latest, SnapshotReference.Latest, null, default))
            .Returns(new DiffEvent[] { new DiffChangeEvent { Change = new DiffChange { Path = "/a" } } }.ToAsyncEnumerable());

        await Assert.ThrowsAsync<ResticOutputException>(() => client.Object.DiffAsync(SnapshotReference.Latest, SnapshotReference.Latest));
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task DiffAsync_Metadata_ReportsMetadataChangesOfDirectories(string version)
    {
        var runner = FixtureRunner.Replaying(version, "diff-metadata");

        var events = await ToListAsync(runner.CreateClient().StreamDiffAsync(SnapshotReference.Parse("1234abcd"), SnapshotReference.Parse("abcd1234"), new DiffOptions { IncludeMetadata = true }));
        var changes = events.OfType<DiffChangeEvent>().Select(e => e.Change).ToList();

        Assert.Contains(changes, c => c.IsDirectory && c.IsMetadataChanged && c.Path == "/tmp/restic-fixtures/src/docs/");
        Assert.Contains("--metadata", runner.LastArguments);
    }

    [Fact]
    public void FileMode_GoBits_MapToUnixFileMode()
    {
        // setuid|setgid|sticky|0755 as Go's os.FileMode writes them.
        var go = (1u << 23) | (1u << 22) | (1u << 20) | 0x1EDu;

        var mode = Restic.Net.Serialization.Projections.ToUnixFileMode(go | (1u << 31));

        Assert.Equal((UnixFileMode)Convert.ToInt32("7755", 8), mode);
    }

    private static string[] Argv(ResticCommand command)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw") };
        return command.ToArguments(new ResticSettings(options), new ResticCapabilities(new Version(0, 18, 0))).ToArray();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A runner whose non-version commands are scripted: it writes to the raw stdout itself.</summary>
    private static FixtureRunner RawRunner(Func<ResticInvocation, CancellationToken, Task<int>> run)
    {
        return new FixtureRunner("0.18.0", _ => throw new InvalidOperationException()).Scripted((invocation, _, ct) => run(invocation, ct));
    }
}
