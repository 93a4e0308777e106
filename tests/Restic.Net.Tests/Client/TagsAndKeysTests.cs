using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

public class TagsAndKeysTests
{
    [Theory]
    [InlineData("0.14.0", "tag-add", 3)]
    [InlineData("0.18.0", "tag-add", 3)]
    [InlineData("0.19.1", "tag-add", 3)]
    [InlineData("0.14.0", "tag-set-id", 1)]
    [InlineData("0.18.0", "tag-set-id", 1)]
    [InlineData("0.19.1", "tag-set-id", 1)]
    [InlineData("0.14.0", "tag-remove-none", 0)]
    [InlineData("0.18.0", "tag-remove-none", 0)]
    [InlineData("0.19.1", "tag-remove-none", 0)]
    public async Task TagAsync_Recording_CountsTheChangedSnapshots(string version, string scenario, int changed)
    {
        var client = FixtureRunner.Replaying(version, scenario).CreateClient();

        var result = await client.TagAsync(SnapshotSelection.All, new TagOptions { Add = ["extra"] });

        Assert.Equal(changed, result.ChangedSnapshots);
        if (version == "0.14.0")
        {
            Assert.Null(result.Changes); // 0.14 prints only the count
        }
        else
        {
            Assert.Equal(changed, result.Changes!.Count);
            Assert.All(result.Changes, c => Assert.True(c.OldId.IsFull && c.NewId!.Value.IsFull && c.OldRemoved));
        }
    }

    [Fact]
    public async Task TagAndRewrite_WithoutASelection_ThrowInsteadOfChangingEverySnapshot()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "tag-add");
        var client = runner.CreateClient();

        // A selection that would select every snapshot without saying so cannot be made.
        var noIds = Assert.Throws<ArgumentException>(() => SnapshotSelection.Of());
        var emptyFilter = Assert.Throws<ArgumentException>(() => SnapshotSelection.Matching(new SnapshotFilter()));
        Assert.Throws<ArgumentException>(() => SnapshotSelection.Of([default(SnapshotReference)]));
        Assert.Throws<ArgumentException>(() => SnapshotSelection.Of([SnapshotReference.Latest.WithSubfolder("/d")], new SnapshotFilter()));
        Assert.Throws<ArgumentException>(() => SnapshotSelection.Matching(new SnapshotFilter { HostNames = ["a\nb"] }));
        Assert.Throws<ArgumentNullException>(() => SnapshotSelection.Of(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TagAsync(null!, new TagOptions { Add = ["x"] }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.RewriteAsync(null!, new RewriteOptions { Excludes = ["/x"] }));

        Assert.StartsWith("Name at least one snapshot", noIds.Message, StringComparison.Ordinal);
        Assert.StartsWith("The filter names no host, tag or path", emptyFilter.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public void SnapshotSelection_KeepsTheCombinationsTagAndRewriteAccepted()
    {
        var id = SnapshotReference.Parse("abcd1234");
        var host = new SnapshotFilter { HostNames = ["h"] };

        Assert.True(SnapshotSelection.All.IsAll);
        Assert.Empty(SnapshotSelection.All.Snapshots);
        Assert.Null(SnapshotSelection.All.Filter);
        Assert.Equal([id], SnapshotSelection.Of(id).Snapshots);
        Assert.Null(SnapshotSelection.Of(id).Filter);
        Assert.Equal(host, SnapshotSelection.Matching(host).Filter);
        Assert.Empty(SnapshotSelection.Matching(host).Snapshots);

        // Ids with a filter (which narrows 'latest'), even an empty one: accepted, as TagOptions/RewriteOptions accepted them.
        var both = SnapshotSelection.Of([id, SnapshotReference.Latest], host);
        Assert.False(both.IsAll);
        Assert.Equal([id, SnapshotReference.Latest], both.Snapshots);
        Assert.Equal(host, both.Filter);
        Assert.Equal(new SnapshotFilter(), SnapshotSelection.Of([id], new SnapshotFilter()).Filter);

        // Value equality, as every record of the library has.
        Assert.Equal(SnapshotSelection.Of(id), SnapshotSelection.Of([SnapshotReference.Parse("abcd1234")]));
        Assert.NotEqual(SnapshotSelection.Of(id), SnapshotSelection.Of([id], host));
    }

    [Fact]
    public async Task TagAsync_InvalidOptions_ThrowBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "tag-add");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.TagAsync(SnapshotSelection.All, new TagOptions()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TagAsync(SnapshotSelection.All, new TagOptions { Set = ["a"], Add = ["b"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TagAsync(SnapshotSelection.All, new TagOptions { Add = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TagAsync(SnapshotSelection.All, null!));
        Assert.Empty(runner.Invocations);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task GetKeysAsync_Recording_ReadsTheKeys(string version)
    {
        var runner = FixtureRunner.Replaying(version, "key-list-two");

        var keys = await runner.CreateClient().GetKeysAsync();

        Assert.Equal(2, keys.Count);
        var current = Assert.Single(keys, k => k.IsCurrent);
        Assert.Equal("root", current.UserName);
        Assert.Equal(version != "0.14.0" ? 64 : 8, current.Id.Length);
        var added = Assert.Single(keys, k => !k.IsCurrent);
        Assert.Equal("fixture-user", added.UserName);
        Assert.Equal("fixture-host", added.HostName);
        Assert.NotNull(added.Created);
        Assert.Equal(["key", "list", "--json"], runner.LastArguments);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task AddKeyAsync_Recording_FindsTheNewKeyAndNeverPutsThePasswordOnTheCommandLine(string version)
    {
        var listed = 0;
        string? passwordFile = null;
        string? passwordInFile = null;
        var runner = FixtureRunner.ByVerb(version, (verb, invocation) =>
        {
            if (verb == "key add")
            {
                passwordFile = invocation.Arguments.Single(a => a.StartsWith("--new-password-file=", StringComparison.Ordinal))["--new-password-file=".Length..];
                passwordInFile = File.ReadAllText(passwordFile);
                return "key-add";
            }

            // 0.14 prints no id: the client lists the keys before and after.
            return version == "0.14.0" && listed++ == 0 ? "key-list" : "key-list-two";
        });

        var key = await runner.CreateClient().AddKeyAsync(ResticPassword.FromValue("second-password"), new AddKeyOptions { UserName = "fixture-user", HostName = "fixture-host" });

        Assert.Equal("fixture-user", key.UserName);
        Assert.False(key.IsCurrent);
        Assert.Equal("second-password", passwordInFile);
        Assert.False(File.Exists(passwordFile), "the temporary password file must be deleted");
        Assert.All(runner.Invocations, i => Assert.DoesNotContain(i.Arguments, a => a.Contains("second-password")));
        Assert.Contains(runner.Commands, c => c.SequenceEqual(["key", "add", "--json", "--new-password-file=" + passwordFile, "--user=fixture-user", "--host=fixture-host"]));
    }

    [Fact]
    public async Task AddKeyAsync_PasswordFromFile_PassesThatFile()
    {
        var runner = FixtureRunner.ByVerb("0.18.0", (verb, _) => verb == "key add" ? "key-add" : "key-list-two");

        await runner.CreateClient().AddKeyAsync(ResticPassword.FromFile("/etc/restic/new"));

        Assert.Contains(runner.Commands, c => c.Contains("--new-password-file=/etc/restic/new"));
    }

    [Fact]
    public async Task AddKeyAsync_UnsupportedPasswords_ThrowBeforeAnyProcessStarts()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "key-add");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.AddKeyAsync(ResticPassword.FromCommand("pass show x")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.AddKeyAsync(ResticPassword.FromValue(" padded ")));
        Assert.Empty(runner.Invocations);
    }

    [Fact]
    public async Task RemoveKeyAsync_WithAnotherPassword_RunsWithThatPasswordInTheEnvironmentOnly()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "key-remove");

        await runner.CreateClient(o => o.Password = ResticPassword.FromFile("/old")).RemoveKeyAsync("abcd1234", ResticPassword.FromValue("new-password"));

        var invocation = runner.Invocations[^1];
        Assert.Equal(["key", "remove", "--json", "--", "abcd1234"], invocation.Arguments);
        Assert.Equal("new-password", invocation.Environment["RESTIC_PASSWORD"]);
        Assert.Null(invocation.Environment["RESTIC_PASSWORD_FILE"]);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task RemoveKeyAsync_CurrentKey_ThrowsResticsRefusal(string version)
    {
        var client = FixtureRunner.Replaying(version, "key-remove-current").CreateClient();

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.RemoveKeyAsync("abcd1234"));

        Assert.Contains("refusing to remove key currently used", ex.Message);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ReplaceCurrentKeyAsync_Recording_ReturnsTheKeyTheNewPasswordOpens(string version)
    {
        var runner = FixtureRunner.ByVerb(version, (verb, _) => verb == "key passwd" ? "key-passwd" : "key-list-after-passwd");

        var key = await runner.CreateClient().ReplaceCurrentKeyAsync(ResticPassword.FromValue("third-password"));

        Assert.True(key.IsCurrent);
        Assert.Equal("third-password", runner.Invocations[^1].Environment["RESTIC_PASSWORD"]);
        Assert.StartsWith("--new-password-file=", runner.Commands[0][3]);
    }

    [Fact]
    public async Task ChangePasswordAsync_NewKeyVerified_RemovesTheOldKeyWithTheNewPassword()
    {
        var asNew = SwapCurrent(Fixture.Load("0.18.0", "key-list-two"));
        var runner = new FixtureRunner("0.18.0", invocation => string.Join(' ', invocation.Arguments.TakeWhile(a => a != "--json")) switch
        {
            "key add" => Fixture.Load("0.18.0", "key-add"),
            "key remove" => Fixture.Load("0.18.0", "key-remove"),
            "key list" when invocation.Environment.GetValueOrDefault("RESTIC_PASSWORD") == "second-password" => asNew,
            "key list" => Fixture.Load("0.18.0", "key-list-two"),
            var verb => throw new InvalidOperationException(verb),
        });

        var rotation = await runner.CreateClient().ChangePasswordAsync(ResticPassword.FromValue("second-password"));

        Assert.Equal("root", rotation.OldKey.UserName);
        Assert.Equal("fixture-user", rotation.NewKey.UserName);
        var remove = runner.Invocations[^1];
        Assert.Equal(["key", "remove", "--json", "--", rotation.OldKey.Id], remove.Arguments);
        Assert.Equal("second-password", remove.Environment["RESTIC_PASSWORD"]);
    }

    [Fact]
    public async Task ChangePasswordAsync_NewPasswordOpensAnotherKey_RemovesTheAddedKeyAndKeepsTheOld()
    {
        var runner = FixtureRunner.ByVerb("0.18.0", (verb, _) => verb switch
        {
            "key add" => "key-add",
            "key remove" => "key-remove",
            "key list" => "key-list-two", // the "new" password opens the old key: not what was added
            _ => throw new InvalidOperationException(verb),
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.CreateClient().ChangePasswordAsync(ResticPassword.FromValue("second-password")));

        var remove = runner.Invocations[^1];
        Assert.Equal("key", remove.Arguments[0]);
        Assert.Equal("remove", remove.Arguments[1]);
        Assert.Equal("fixture-password", remove.Environment["RESTIC_PASSWORD"]); // with the old password
        Assert.DoesNotContain(runner.Commands.Where(c => c[1] == "remove"), c => c[^1] == GetCurrentId("0.18.0"));
    }

    [Fact]
    public async Task PlanForgetAsync_Recording_RunsAForgetDryRun()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "forget-dry-run");

        var plan = await runner.CreateClient().PlanForgetAsync(new RetentionPolicy { KeepLast = 1 });

        Assert.True(plan.IsDryRun);
        Assert.NotEmpty(plan.Removed);
        Assert.Contains("--dry-run", runner.LastArguments);
    }

    private static string GetCurrentId(string version) =>
        System.Text.Json.JsonDocument.Parse(Fixture.Load(version, "key-list-two").StandardOutput).RootElement.EnumerateArray()
            .Single(k => k.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;

    /// <summary>A key list as the new password sees it: the other key is current.</summary>
    private static Fixture SwapCurrent(Fixture list)
    {
        var text = System.Text.Encoding.UTF8.GetString(list.StandardOutput);
        text = text.Replace("\"current\":true", "\"current\":TMP").Replace("\"current\":false", "\"current\":true").Replace("\"current\":TMP", "\"current\":false");
        return Fixture.Inline(text);
    }
}
