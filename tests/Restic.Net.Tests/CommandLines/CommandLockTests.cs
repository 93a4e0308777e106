using Restic.Net.CommandLines;
using Restic.Net.Execution;

namespace Restic.Net.Tests.CommandLines;

/// <summary>Golden argv of the lock, tag, rewrite, repair, key and cache commands, and the lock each takes (with LockWaitTimeout set, <c>--retry-lock</c> shows which commands wait for one).</summary>
public class CommandLockTests
{
    private static readonly ResticCapabilities s_v018 = new(new Version(0, 18, 0));

    private static string[] Argv(ResticCommand command, ResticCapabilities? capabilities = null)
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/repo"), Password = ResticPassword.FromValue("pw"), LockWaitTimeout = TimeSpan.FromMinutes(1) };
        return command.ToArguments(new ResticSettings(options), capabilities ?? s_v018).ToArray();
    }

    [Fact]
    public void ListLocks_TakesNoLockAndDoesNotWaitForOne()
    {
        Assert.Equal(["list", "locks", "--json", "--no-lock"], Argv(ResticCommands.ListLockIds()));
    }

    [Fact]
    public void CatLock_PutsTheIdAfterDoubleDash()
    {
        Assert.Equal(["cat", "lock", "--json", "--no-lock", "--", "abc"], Argv(ResticCommands.CatLock("abc")));
    }

    [Fact]
    public void Tag_AllOptions_ProducesGoldenArgvAndTakesAnExclusiveLock()
    {
        var command = ResticCommands.Tag(
            SnapshotSelection.Of([SnapshotReference.Parse("abcd1234"), SnapshotReference.Latest], new SnapshotFilter { HostNames = ["h"], Paths = ["/p"] }),
            new TagOptions
            {
                Add = ["a", "-b"],
                Remove = ["c"],
            });

        Assert.Equal(
            ["tag", "--json", "--retry-lock=60s", "--add=a", "--add=-b", "--remove=c", "--host=h", "--path=/p", "--", "abcd1234", "latest"],
            Argv(command));
        Assert.Equal(ResticLockKind.Exclusive, command.Lock);
        Assert.Equal(["tag", "--json", "--retry-lock=60s", "--set=x", "--set=y"], Argv(ResticCommands.Tag(SnapshotSelection.All, new TagOptions { Set = ["x", "y"] })));
        Assert.Equal(
            ["tag", "--json", "--retry-lock=60s", "--add=a", "--tag=t,u", "--tag=", "--path=/p"],
            Argv(ResticCommands.Tag(SnapshotSelection.Matching(new SnapshotFilter { Tags = ["t,u", ""], Paths = ["/p"] }), new TagOptions { Add = ["a"] })));
        Assert.Equal(
            ["tag", "--json", "--retry-lock=60s", "--remove=a", "--", "abcd1234"],
            Argv(ResticCommands.Tag(SnapshotSelection.Of(SnapshotReference.Parse("abcd1234")), new TagOptions { Remove = ["a"] })));
    }

    [Fact]
    public void Rewrite_AllOptions_ProducesGoldenArgv()
    {
        var options = new RewriteOptions
        {
            Excludes = ["*.tmp"],
            CaseInsensitiveExcludes = ["*.LOG"],
            ExcludeFiles = ["/etc/ex"],
            Forget = true,
            DryRun = true,
        };
        var selection = SnapshotSelection.Of([SnapshotReference.Parse("abcd1234")], new SnapshotFilter { Tags = ["t"] });

        var command = ResticCommands.Rewrite(selection, options);

        Assert.Equal(
            ["rewrite", "--json", "--retry-lock=60s", "--exclude=*.tmp", "--iexclude=*.LOG", "--exclude-file=/etc/ex", "--forget", "--dry-run", "--tag=t", "--", "abcd1234"],
            Argv(command));
        Assert.Equal(ResticLockKind.Exclusive, command.Lock);
        Assert.Equal(ResticLockKind.Shared, ResticCommands.Rewrite(selection, options with { Forget = false }).Lock);
    }

    [Fact]
    public void RepairSnapshots_AllOptions_ProducesGoldenArgv()
    {
        var command = ResticCommands.RepairSnapshots(new RepairSnapshotsOptions { Forget = true, DryRun = true, Snapshots = [SnapshotReference.Parse("abcd1234")], Filter = new SnapshotFilter { HostNames = ["h"] } });

        Assert.Equal(["repair", "snapshots", "--json", "--retry-lock=60s", "--forget", "--dry-run", "--host=h", "--", "abcd1234"], Argv(command));
    }

    [Fact]
    public void KeyCommands_TakeThePasswordFileAndTheRightLocks()
    {
        Assert.Equal(["key", "list", "--json", "--retry-lock=60s"], Argv(ResticCommands.KeyList()));
        Assert.Equal(
            ["key", "add", "--json", "--retry-lock=60s", "--new-password-file=/tmp/p", "--user=u", "--host=h"],
            Argv(ResticCommands.KeyAdd("/tmp/p", new AddKeyOptions { UserName = "u", HostName = "h" })));
        Assert.Equal(ResticLockKind.Exclusive, ResticCommands.KeyRemove("abcd").Lock);
        Assert.Equal(["key", "passwd", "--json", "--retry-lock=60s", "--new-password-file=/tmp/p"], Argv(ResticCommands.KeyPasswd("/tmp/p")));
        Assert.Equal(ResticLockKind.Exclusive, ResticCommands.KeyPasswd("/tmp/p").Lock);
    }

    [Fact]
    public void Cache_OpensNoRepositoryAndTakesNoGlobalFlags()
    {
        Assert.Equal(["cache", "--json"], Argv(ResticCommands.Cache()));
        Assert.Equal(["cache", "--json", "--cleanup"], Argv(ResticCommands.CacheCleanup(new CacheCleanupOptions())));
        Assert.False(ResticCommands.Cache().OpensRepository);
    }
}
