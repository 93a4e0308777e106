using System.Text.Json.Nodes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// <see cref="IResticClient.GetSnapshotAsync"/> through restic: <c>snapshots REF</c> with the filter, one snapshot back,
/// and <see cref="ResticSnapshotNotFoundException"/> where restic prints an empty list (it exits 0 for an unknown id).
/// </summary>
public class SnapshotLookupTests
{
    private static readonly JsonArray Recorded = JsonNode.Parse(Fixture.Load("0.18.0", "snapshots").StandardOutput)!.AsArray();

    [Fact]
    public async Task Latest_WithAFilter_RunsSnapshotsForThatReference_AndReturnsTheOne()
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline("[" + Recorded[0]!.ToJsonString() + "]\n"));

        var snapshot = await runner.CreateClient().GetSnapshotAsync(SnapshotReference.Latest, new SnapshotFilter { HostNames = ["fixture-host"], Tags = ["fixture"] });

        Assert.Equal(Recorded[0]!["id"]!.GetValue<string>(), snapshot.Id.Value);
        var argv = Assert.Single(runner.Commands);
        Assert.Equal("snapshots", argv[0]);
        Assert.Contains("--host=fixture-host", argv);
        Assert.Contains("--tag=fixture", argv);
        Assert.Equal(["--", "latest"], argv.TakeLast(2));
    }

    [Theory]
    [InlineData("deadbeef", "Ignoring \"deadbeef\": no matching ID found for prefix \"deadbeef\"", "no matching ID")]
    [InlineData("latest", "Ignoring \"latest\": no snapshot matched given filter (Paths:[] Tags:[] Hosts:[nope])", "no snapshot matched")]
    public async Task NoneMatches_ResticPrintsAnEmptyList_ThrowsSnapshotNotFound(string reference, string stderr, string said)
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline("[]\n", stderr));

        var ex = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => runner.CreateClient().GetSnapshotAsync(SnapshotReference.Parse(reference)));

        Assert.Contains(said, ex.ResticMessage, StringComparison.Ordinal);
        Assert.Contains(reference, ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task SeveralMatch_IsNoAnswer_ThrowsSnapshotNotFound()
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline(Recorded.Count >= 2 ? Recorded.ToJsonString() + "\n" : "[" + Recorded[0]!.ToJsonString() + "," + Recorded[0]!.ToJsonString() + "]\n"));

        var ex = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => runner.CreateClient().GetSnapshotAsync(SnapshotReference.Parse("abcd")));

        Assert.Contains("matches", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubfolderOrNoReference_IsRefusedBeforeResticRuns()
    {
        var runner = new FixtureRunner("0.18.0", _ => throw new InvalidOperationException("restic must not run"));
        var client = runner.CreateClient();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSnapshotAsync(SnapshotReference.Latest.WithSubfolder("/data")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSnapshotAsync(default));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task OutputThatIsNoList_IsAnOutputError_NotAMissingSnapshot()
    {
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Inline("snapshots are listed below\n"));

        await Assert.ThrowsAsync<ResticOutputException>(() => runner.CreateClient().GetSnapshotAsync(SnapshotReference.Latest));
    }
}
