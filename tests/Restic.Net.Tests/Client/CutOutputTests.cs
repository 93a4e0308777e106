using System.Text;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// Output that ends in the middle of a line (restic killed, a truncated pipe, a full disk) never ends a
/// call successfully, and a line that cannot be read never takes the items before it along.
/// </summary>
public class CutOutputTests
{
    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ListAsync_LastLineCut_YieldsTheCompleteNodesThenThrows(string version)
    {
        var ls = Fixture.Load(version, "ls-recursive");
        var complete = ls.StandardOutputLines().Count(l => l.AsSpan().IndexOf("\"node\""u8) >= 0);
        var cut = ls with { StandardOutput = ls.StandardOutput[..^40] }; // the last node loses its end
        var nodes = new List<SnapshotNode>();

        var ex = await Assert.ThrowsAsync<ResticOutputException>(async () =>
        {
            await foreach (var node in new FixtureRunner(version, _ => cut).CreateClient().GetNodesAsync(SnapshotReference.Latest))
            {
                nodes.Add(node);
            }
        });

        Assert.Equal(complete - 1, nodes.Count);
        Assert.Contains("ended in the middle of a line", ex.Message);
        Assert.Equal(0, ex.ExitCode);
        Assert.NotNull(ex.OutputLine);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task ListAsync_AnUnreadableLineInTheMiddle_YieldsEveryNodeBeforeIt_ThenThrows(string version)
    {
        var ls = Fixture.Load(version, "ls-recursive");
        var lines = ls.StandardOutputLines().ToList();
        var badAt = lines.Count / 2;
        var before = lines.Take(badAt).Count(l => l.AsSpan().IndexOf("\"node\""u8) >= 0);
        // A node line whose name is raw invalid UTF-8, as a mutated output carries it.
        byte[] bad = [.. "{\"name\":\""u8, 0xff, 0xfe, .. "\",\"type\":\"file\",\"path\":\"/x\",\"message_type\":\"node\",\"struct_type\":\"node\",\"size\":\"not a number\"}"u8];
        var mutated = ls with { StandardOutput = [.. lines.Take(badAt).SelectMany(l => l.Append((byte)'\n')), .. bad, (byte)'\n', .. lines.Skip(badAt).SelectMany(l => l.Append((byte)'\n'))] };
        var nodes = new List<SnapshotNode>();

        var ex = await Assert.ThrowsAsync<ResticOutputException>(async () =>
        {
            await foreach (var node in new FixtureRunner(version, _ => mutated).CreateClient().GetNodesAsync(SnapshotReference.Latest))
            {
                nodes.Add(node);
            }
        });

        Assert.Equal(before, nodes.Count);
        Assert.Contains("could not be read", ex.Message);
    }

    [Theory]
    [InlineData("0.14.0")]
    [InlineData("0.18.0")]
    [InlineData("0.19.1")]
    public async Task StreamBackupAsync_SummaryCut_Throws(string version)
    {
        var backup = Fixture.Load(version, "backup");
        var cut = backup with { StandardOutput = backup.StandardOutput[..^30] };
        var client = new FixtureRunner(version, _ => cut).CreateClient();

        var ex = await Assert.ThrowsAsync<ResticOutputException>(async () =>
        {
            await foreach (var _ in client.StreamBackupAsync(["/src"]))
            {
            }
        });

        Assert.Contains("ended in the middle of a line", ex.Message);
        Assert.Contains("\"message_type\":\"summary\"", ex.OutputLine);
    }

    [Theory]
    [InlineData("snapshots")]
    [InlineData("forget")]
    [InlineData("stats")]
    public async Task Documents_WholeButWithoutTheirLineEnd_AreCutOutput(string scenario)
    {
        // restic ends its documents with a line end too: without it, the output was cut right there.
        var fixture = Fixture.Load("0.18.0", scenario);
        var cut = fixture with { StandardOutput = fixture.StandardOutput[..^1] };
        var client = new FixtureRunner("0.18.0", _ => cut).CreateClient(o => o.Repository = new LocalRepository("/r"));

        Task call = scenario switch
        {
            "snapshots" => client.GetSnapshotsAsync(),
            "forget" => client.ForgetAsync(RetentionPolicy.Default),
            _ => client.GetStatsAsync(new StatsOptions { IncludeDeduplicationRatio = false }),
        };

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => call);
        Assert.Contains($"The output of restic {scenario} ended in the middle of a line", ex.Message);
    }

    [Fact]
    public async Task DiffAsync_LastLineCut_Throws()
    {
        var diff = Fixture.Load("0.18.0", "diff");
        var cut = diff with { StandardOutput = diff.StandardOutput[..^10] };

        var ex = await Assert.ThrowsAsync<ResticOutputException>(async () =>
        {
            await foreach (var _ in new FixtureRunner("0.18.0", _ => cut).CreateClient().StreamDiffAsync(SnapshotReference.Parse("abcd1234"), SnapshotReference.Parse("bcde2345")))
            {
            }
        });

        Assert.Contains("ended in the middle of a line", ex.Message);
    }
}
