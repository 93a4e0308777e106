using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// An empty tag set is restic's <c>--tag ""</c>: the snapshots without tags (and <c>--keep-tag ""</c> keeps them).
/// It reaches restic as an empty flag value; an empty tag inside a set (<c>a,</c>) is still refused.
/// </summary>
public class UntaggedSnapshotFilterTests
{
    [Fact]
    public async Task An_empty_tag_set_selects_untagged_snapshots_as_restic_tag_empty_does()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");
        var client = runner.CreateClient();

        await client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [""] } });
        Assert.Equal(["snapshots", "--json", "--tag="], runner.LastArguments);

        await client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["", "a,b"] } });
        Assert.Equal(["snapshots", "--json", "--tag=", "--tag=a,b"], runner.LastArguments);
    }

    [Fact]
    public async Task An_empty_keep_tag_keeps_untagged_snapshots_as_restic_keep_tag_empty_does()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "forget-dry-run");
        var client = runner.CreateClient();

        await client.ForgetAsync(new RetentionPolicy { KeepTags = [""] }, new ForgetOptions { DryRun = true });
        Assert.Equal(["forget", "--json", "--keep-tag=", "--dry-run"], runner.LastArguments);
    }

    [Theory]
    [InlineData("a,")]
    [InlineData(",")]
    [InlineData("a,,b")]
    [InlineData("\n")]
    public async Task An_empty_tag_inside_a_set_or_a_line_break_is_still_refused(string tags)
    {
        var runner = FixtureRunner.Replaying("0.18.0", "snapshots");
        var client = runner.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [tags] } }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ForgetAsync(new RetentionPolicy { KeepTags = [tags] }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [null!] } }));
        Assert.Empty(runner.Invocations);
    }
}
