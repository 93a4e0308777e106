using System.Text;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// Output that cannot be read is never an empty result. Every command that reads what restic prints is
/// replayed from its recording on each version with that output cut in the middle (then a line end, as a
/// stopped restic or a full pipe leaves it) and replaced by a line of text; restic exits 0 both times. A
/// caller must get <see cref="ResticOutputException"/>, never "nothing matched" or "nothing removed".
/// </summary>
public class UnreadableOutputTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var version in new[] { "0.14.0", "0.18.0", "0.19.1" })
        {
            foreach (var command in Commands.Keys)
            {
                if (Commands[command].ReadFrom is { } since && Version.Parse(version) < Version.Parse(since))
                {
                    continue;
                }

                foreach (var mutation in new[] { "cut", "text" })
                {
                    data.Add(version, command, mutation);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UnreadableOutput_IsAnError_NeverAnEmptyResult(string version, string command, string mutation)
    {
        var spec = Commands[command];
        var runner = new FixtureRunner(version, invocation =>
        {
            var verb = Verb(invocation);
            var fixture = Fixture.Load(version, spec.ScenarioOf(verb));
            return verb == spec.Verb ? Mutate(fixture, mutation) : fixture;
        });
        var client = runner.CreateClient();

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => spec.Call(client));

        Assert.Equal(0, ex.ExitCode);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task NothingToReport_AsResticSaysIt_IsAnEmptyResult(string version)
    {
        // What restic prints when there is nothing (measured on each version): no output for copy and list locks,
        // a line for an empty cache folder and for a cleanup that found nothing.
        var runner = new FixtureRunner(version, invocation => Verb(invocation) switch
        {
            "cache" when invocation.Arguments.Contains("--cleanup") => Fixture.Inline("no old cache dirs found\n"),
            "cache" => Fixture.Inline("no cache dirs found, basedir is /var/cache/restic\n"),
            _ => Fixture.Inline(""),
        });
        var client = runner.CreateClient();

        Assert.Empty((await client.CopyAsync(new LocalRepository("/src"), ResticPassword.FromValue("pw"))).Copied);
        Assert.Empty(await client.GetLocksAsync());
        Assert.Empty((await client.UnlockAsync()).Removed);
        var cache = await client.GetCacheAsync();
        Assert.Empty(cache.Entries);
        Assert.Equal("/var/cache/restic", cache.Directory);
        Assert.Equal(0, (await client.CleanupCacheAsync()).RemovedDirectories);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ListingOfAnUnknownSnapshot_NothingPrinted_IsSnapshotNotFound_ButTextIsUnreadableOutput(string version)
    {
        // restic before 0.17 exits 0 and prints nothing on stdout for an unknown snapshot: that stays "not found".
        var nothing = new FixtureRunner(version, _ => Fixture.Inline("", "Ignoring \"abcd1234\": no matching ID found for prefix \"abcd1234\"")).CreateClient();
        var text = new FixtureRunner(version, _ => Fixture.Inline("this is not what restic prints\n")).CreateClient();

        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => Drain(nothing.GetNodesAsync(Some)));
        await Assert.ThrowsAsync<ResticOutputException>(() => Drain(text.GetNodesAsync(Some)));
    }

    private static async Task Drain<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }

    private static string Verb(ResticInvocation invocation) =>
        invocation.Arguments[0] is "key" or "cat" or "list" or "repair" ? invocation.Arguments[0] + " " + invocation.Arguments[1] : invocation.Arguments[0];

    private static Fixture Mutate(Fixture fixture, string mutation) => mutation switch
    {
        // Cut in the middle of the output (and of a line, where the output has one), then a line end.
        "cut" => fixture with { StandardOutput = [.. fixture.StandardOutput.AsSpan(0, fixture.StandardOutput.Length / 2), (byte)'\n'], ExitCode = 0 },
        _ => fixture with { StandardOutput = Encoding.UTF8.GetBytes("this is not what restic prints\n"), ExitCode = 0 },
    };

    /// <param name="Verb">The command whose output is cut or replaced.</param>
    /// <param name="ScenarioOf">The recording that answers each verb the call runs.</param>
    /// <param name="Call">The client call.</param>
    /// <param name="ReadFrom">
    /// The first version whose output the call reads (the command's own first version, or where restic began
    /// printing what the result is made of); older versions are not replayed.
    /// </param>
    private sealed record Command(string Verb, Func<string, string> ScenarioOf, Func<ResticClient, Task> Call, string? ReadFrom = null);

    private static readonly SnapshotReference Some = SnapshotReference.Parse("abcd1234");

    private static readonly Dictionary<string, Command> Commands = new()
    {
        ["snapshots"] = new("snapshots", _ => "snapshots", c => c.GetSnapshotsAsync()),
        ["snapshots --group-by"] = new("snapshots", _ => "snapshots-group-by-host", c => c.GetSnapshotGroupsAsync(SnapshotGrouping.Host)),
        ["forget"] = new("forget", _ => "forget", c => c.ForgetAsync(RetentionPolicy.Default)),
        ["prune"] = new("prune", _ => "prune", c => c.PruneAsync()),
        ["stats"] = new("stats", _ => "stats", c => c.GetStatsAsync(new StatsOptions { IncludeDeduplicationRatio = false })),
        // Before 0.18 check prints only progress text: its verdict is the exit code and the errors on stderr.
        ["check"] = new("check", _ => "check", c => c.CheckAsync(), "0.18.0"),
        // init reports what cat config reads (init's own text is not read), so that is the output cut here.
        ["init"] = new("cat config", v => v == "cat config" ? "cat-config" : "init", c => c.InitAsync()),
        ["key list"] = new("key list", _ => "key-list", c => c.GetKeysAsync()),
        ["key add"] = new("key add", _ => "key-add", c => c.AddKeyAsync(ResticPassword.FromValue("new"))),
        // key passwd reports the current key from the key list that follows it.
        ["key passwd"] = new("key list", v => v == "key list" ? "key-list" : "key-passwd", c => c.ReplaceCurrentKeyAsync(ResticPassword.FromValue("new"))),
        ["cat config"] = new("cat config", _ => "cat-config", c => c.GetConfigAsync()),
        ["list locks"] = new("list locks", v => v == "cat lock" ? "cat-lock" : "list-locks", c => c.GetLocksAsync()),
        ["cat lock"] = new("cat lock", v => v == "cat lock" ? "cat-lock" : "list-locks", c => c.GetLocksAsync()),
        ["unlock"] = new("list locks", v => v switch { "cat lock" => "cat-lock", "unlock" => "unlock", _ => "list-locks" }, c => c.UnlockAsync()),
        ["tag"] = new("tag", _ => "tag-add", c => c.TagAsync(SnapshotSelection.All, new TagOptions { Add = ["x"] })),
        ["copy"] = new("copy", _ => "copy", c => c.CopyAsync(new LocalRepository("/src"), ResticPassword.FromValue("pw"))),
        ["rewrite"] = new("rewrite", _ => "rewrite", c => c.RewriteAsync(SnapshotSelection.All, new RewriteOptions { Excludes = ["*.tmp"] }), "0.15.0"),
        // repair index is left out: its result is restic's text and claims nothing of its own.
        ["repair snapshots"] = new("repair snapshots", _ => "repair-snapshots", c => c.RepairSnapshotsAsync(), "0.16.0"),
        ["cache"] = new("cache", _ => "cache", c => c.GetCacheAsync()),
        ["cache --cleanup"] = new("cache", _ => "cache-cleanup", c => c.CleanupCacheAsync()),
        ["backup"] = new("backup", _ => "backup", c => c.BackupAsync(["/src"])),
        // Before 0.16 restore prints one line of text and the summary has no statistics (HasStatistics is false).
        ["restore"] = new("restore", _ => "restore", c => c.RestoreAsync(SnapshotReference.Latest, "/tmp/target"), "0.16.0"),
        ["diff"] = new("diff", _ => "diff", async c => { await foreach (var _ in c.StreamDiffAsync(Some, SnapshotReference.Parse("bcde2345"))) { } }),
        ["find"] = new("find", _ => "find", async c => { await foreach (var _ in c.FindAsync(["*.txt"])) { } }),
        ["ls"] = new("ls", _ => "ls", async c => { await foreach (var _ in c.GetNodesAsync(SnapshotReference.Latest)) { } }),
    };
}
