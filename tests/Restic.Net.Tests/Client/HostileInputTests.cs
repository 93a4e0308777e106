using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>Input that could change what restic does is rejected before any process starts; odd output never crashes without context.</summary>
public class HostileInputTests
{
    [Theory]
    [InlineData("-h")]
    [InlineData("--target=/etc")]
    [InlineData("not-hex!")]
    [InlineData("abc")]
    [InlineData("latest\n")]
    [InlineData("")]
    public void SnapshotReference_ThatIsNotAnId_IsAFormatError(string snapshot)
    {
        Assert.Throws<FormatException>(() => SnapshotReference.Parse(snapshot));
        Assert.False(SnapshotReference.TryParse(snapshot, out _));
    }

    [Fact]
    public async Task SnapshotReference_Default_OrASubfolderWhereNoneIsTaken_IsRejectedBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");
        var client = runner.CreateClient();
        var withSubfolder = SnapshotReference.Latest.WithSubfolder("/data");

        await Assert.ThrowsAsync<ArgumentException>(() => client.RestoreAsync(default, "/target"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RestoreAsync(SnapshotReference.FromSnapshotId(default), "/target"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(["/d"], new BackupOptions { Parent = withSubfolder }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetStatsAsync(new StatsOptions { Snapshots = [withSubfolder] }));
        Assert.Throws<ArgumentException>(() => SnapshotSelection.Of([default(SnapshotReference)]));
        Assert.Throws<ArgumentException>(() => SnapshotSelection.Of(withSubfolder));
        Assert.Throws<ArgumentException>(() => SnapshotReference.Latest.WithSubfolder(""));
        Assert.Throws<ArgumentException>(() => default(SnapshotReference).WithSubfolder("/data"));
        Assert.Empty(runner.Invocations);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("36244f78")]
    [InlineData("36244F78C53833CB800F3C7E1EE9ABC0A7266BB10B9508619D0CB901BA2E6BF4")]
    [InlineData("latest:/data/sub")]
    [InlineData("36244f78:/sub folder")]
    public void SnapshotReference_Valid_RoundTripsAsResticSpellsIt(string snapshot)
    {
        var reference = SnapshotReference.Parse(snapshot);

        Assert.Equal(snapshot.Split(':')[0].ToLowerInvariant() + (snapshot.Contains(':') ? ":" + snapshot.Split(':', 2)[1] : ""), reference.ToString());
        Assert.Equal(snapshot.StartsWith("latest", StringComparison.Ordinal), reference.IsLatest);
        Assert.Equal(reference, SnapshotReference.Parse(reference.ToString()));
    }

    [Fact]
    public void SnapshotReference_FromAnId_IsThatId()
    {
        var id = SnapshotId.Parse("36244f78c53833cb800f3c7e1ee9abc0a7266bb10b9508619d0cb901ba2e6bf4");
        SnapshotReference reference = id;

        Assert.Equal(id.Value, reference.Snapshot);
        Assert.Null(reference.Subfolder);
        Assert.Equal("36244f78c53833cb800f3c7e1ee9abc0a7266bb10b9508619d0cb901ba2e6bf4:/a b", reference.WithSubfolder("/a b").ToString());
        Assert.Equal(SnapshotReference.Latest, SnapshotReference.Parse("latest"));
    }

    [Fact]
    public async Task Labels_WithLineBreaksOrNul_AreRejectedBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(["/d"], new BackupOptions { Tags = ["a\nb"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(["/d"], new BackupOptions { HostName = "h\r" }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["x\0"] } }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { HostNames = [""] } }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Latest = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy { KeepTags = ["a\nb"] }));
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public async Task TagsWithACommaWhereOneTagIsMeant_AreRejected_TagSetsAreExplicit()
    {
        // restic splits "a,b" into two tags for a backup or `tag --add`, and reads it as "a and b" in selections.
        var runner = FixtureRunner.Replaying("0.18.0", "forget-dry-run");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(["/d"], new BackupOptions { Tags = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BackupFromStreamAsync(new MemoryStream([1]), "x", new StdinBackupOptions { Tags = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TagAsync(SnapshotSelection.Of(SnapshotReference.Parse("abcd1234")), new TagOptions { Add = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy { KeepTags = ["a,"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [",b"] } }));
        Assert.Empty(runner.Commands);

        await client.ForgetAsync(new RetentionPolicy { KeepTags = ["a,b", "c"] }, new ForgetOptions { DryRun = true });
        Assert.Equal(["forget", "--json", "--keep-tag=a,b", "--keep-tag=c", "--dry-run"], runner.LastArguments);
    }

    [Fact]
    public async Task AnArgumentLongerThanTheSystemAllows_ThrowsArgumentExceptionNamingIt_BeforeResticStarts()
    {
        // Linux allows 128 KiB per argument; past it the start failed with E2BIG, reported as "install restic".
        var runner = FixtureRunner.Replaying("0.18.0", "backup");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => runner.CreateClient().BackupAsync(["/d"], new BackupOptions { Tags = [new string('t', 1024 * 1024)] }));

        Assert.Contains("--tag is 1048582 bytes long", ex.Message);
        Assert.DoesNotContain(runner.Commands, c => c[0] == "backup");
    }

    [Fact]
    public async Task ManyBackupPaths_GoThroughAPrivateFile_ReadExactly_AndDeletedAfterwards()
    {
        // 100,000 paths (3.8 MB) are far past what a command line may hold.
        var paths = Enumerable.Range(0, 100_000).Select(i => $"/srv/data/folder-{i / 1000}/file-{i}.bin").Append("/srv/odd\nname").ToArray();
        string? listed = null;
        byte[]? content = null;
        var runner = new FixtureRunner("0.18.0", invocation =>
        {
            listed = invocation.Arguments.Single(a => a.StartsWith("--files-from-raw=", StringComparison.Ordinal))["--files-from-raw=".Length..];
            content = File.ReadAllBytes(listed);
            return Fixture.Load("0.18.0", "backup");
        });

        await runner.CreateClient().BackupAsync(paths);

        var arguments = runner.LastArguments;
        Assert.DoesNotContain("--", arguments);
        Assert.DoesNotContain(arguments, a => a.StartsWith("/srv/", StringComparison.Ordinal));
        Assert.Equal(paths, System.Text.Encoding.UTF8.GetString(content!).Split('\0', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(listed));
        Assert.False(Directory.Exists(Path.GetDirectoryName(listed)));
    }

    [Fact]
    public async Task AFewBackupPaths_StayOnTheCommandLine()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup");

        await runner.CreateClient().BackupAsync(["/a", "/b"]);

        Assert.Equal(["--", "/a", "/b"], runner.LastArguments.TakeLast(3));
        Assert.DoesNotContain(runner.LastArguments, a => a.StartsWith("--files-from-raw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paths_StartingWithADash_AreLiteralPathsAfterTheSeparator()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "backup");

        await runner.CreateClient().BackupAsync(["--dry-run", "-rf /", "a\nb"]);

        var argv = runner.LastArguments.ToList();
        Assert.Equal(["--dry-run", "-rf /", "a\nb"], argv[(argv.IndexOf("--") + 1)..]);
        Assert.Equal(1, argv.Count(a => a == "--dry-run"));
    }

    [Theory]
    [InlineData("{\"message_type\":\"summary\",\"files_new\":4")]
    [InlineData("{\"message_type\":\"summary\",\"files_new\":\"four\",\"snapshot_id\":\"x\"}")]
    public async Task BackupAsync_MalformedSummary_ThrowsOutputExceptionWithTheLine(string summary)
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline("{\"message_type\":\"status\",\"percent_done\":0.5}\n" + summary + "\n"));

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => runner.CreateClient().BackupAsync(["/d"]));

        Assert.Equal(summary, ex.OutputLine);
        Assert.Contains("summary", ex.Message);
        Assert.Equal(0, ex.ExitCode);
    }

    [Fact]
    public async Task StreamBackupAsync_TextLinesUnknownTypesAndBrokenStatusLines_AreNotFatal()
    {
        var summary = Fixture.Load("0.18.0", "backup").StandardOutputLines().Select(l => System.Text.Encoding.UTF8.GetString(l)).Last();
        var output = string.Join('\n',
            "Warning: something restic says",
            "{\"message_type\":\"status\",\"percent_done\":",
            "{\"message_type\":\"brand_new\",\"value\":1}",
            "{\"message_type\":\"status\",\"percent_done\":0.25,\"unknown_field\":[1,2]}",
            summary) + "\n";
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline(output));

        var events = new List<BackupEvent>();
        await foreach (var item in runner.CreateClient().StreamBackupAsync(["/d"]))
        {
            events.Add(item);
        }

        Assert.Equal("brand_new", Assert.Single(events.OfType<UnknownBackupEvent>()).MessageType);
        Assert.Equal(0.25, Assert.Single(events.OfType<BackupStatusEvent>()).Progress.PercentDone);
        Assert.IsType<BackupCompletedEvent>(events[^1]);
    }

    [Fact]
    public async Task GetSnapshotsAsync_TruncatedDocument_ThrowsOutputExceptionWithRedactedOutput()
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline("[{\"time\":\"2024-01-01T00:00:00Z\",\"paths\":[\"rest:http://u:pw-secret@h/\"]"));
        var client = runner.CreateClient(o => o.Password = ResticPassword.FromValue("pw-secret"));

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => client.GetSnapshotsAsync());

        Assert.NotNull(ex.OutputLine);
        Assert.DoesNotContain("pw-secret", ex.OutputLine);
        Assert.DoesNotContain("pw-secret", ex.Message);
        Assert.Contains("u:***@h", ex.OutputLine);
    }

    [Fact]
    public async Task RunnerFailureWhileReading_IsWrappedWithContext()
    {
        var runner = new DelegateRunner((invocation, sink, _) =>
        {
            if (invocation.Arguments[0] != "version")
            {
                return Task.FromException<int>(new IOException("broken pipe"));
            }

            sink.OnStandardOutputLine(Fixture.Load("0.18.0", "version").StandardOutput.AsSpan().TrimEnd((byte)'\n'));
            return Task.FromResult(0);
        });
        var options = new ResticClientOptions { Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("a-long-password") };

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => new ResticClient(options, runner, null, null).GetSnapshotsAsync());

        Assert.Contains("restic snapshots", ex.Message);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.StartsWith("restic snapshots --json", ex.CommandLine);
    }
}
