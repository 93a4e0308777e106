using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader's find against <c>restic find</c> of the restic under test on the same repository: for each pattern
/// and option, the same snapshots, hits and nodes, field by field. restic orders the snapshots differently from
/// version to version, so results are compared by snapshot; the matches of one snapshot in restic's order.
/// </summary>
public abstract class FindConformanceTests<TRepository>(TRepository repository) : IClassFixture<TRepository>
    where TRepository : ConformanceRepository
{
    // restic prints inodes from 0.16.1 on; the reader always reports them.
    private static readonly Version InodeVersion = new(0, 16, 1);

    [Theory]
    [MemberData(nameof(FindCases.Patterns), MemberType = typeof(FindCases))]
    public async Task A_pattern_finds_what_restic_find_finds(string[] patterns)
    {
        await AssertSameAsync(patterns, new FindOptions());
    }

    [Theory]
    [InlineData("/nested")]
    [InlineData("/nested/*")]
    [InlineData("/**/c")]
    [InlineData("/nested/a/**/deep.txt")]
    [InlineData("/**/a/**/**/deep.txt")]
    [InlineData("/shared/f0*")]
    [InlineData("")]
    public async Task A_pattern_anchored_at_the_root_finds_what_restic_find_finds(string belowSource)
    {
        // Anchored patterns name the backed-up folder's absolute path.
        await AssertSameAsync([repository.Source + belowSource], new FindOptions());
    }

    [Theory]
    [InlineData("HELLO.TXT")]
    [InlineData("zebra*")]
    [InlineData("*ÜNÏCÖDÉ*")]
    public async Task Ignoring_case_finds_what_restic_find_finds(string pattern)
    {
        await AssertSameAsync([pattern], new FindOptions { IgnoreCase = true });
    }

    [Fact]
    public async Task Time_bounds_find_what_restic_find_finds_to_the_second()
    {
        // Zebra.txt is from 2001-02-03 04:05:06, "name with spaces.txt" from 2015, everything else from today.
        var zebra = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        await AssertSameAsync(["*"], new FindOptions { Newest = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero) }, expectMatches: true);
        await AssertSameAsync(["*"], new FindOptions { Oldest = new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero) }, expectMatches: true);
        await AssertSameAsync(["*.txt"], new FindOptions { Oldest = new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), Newest = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero) }, expectMatches: true);

        // Half a second after Zebra.txt: restic gets whole seconds, so it still finds it, and so does the reader.
        await AssertSameAsync(["Zebra.txt"], new FindOptions { Oldest = zebra.AddMilliseconds(500) }, expectMatches: true);
        await AssertSameAsync(["Zebra.txt"], new FindOptions { Newest = zebra.AddSeconds(-1) });
    }

    [Fact]
    public async Task Snapshot_selections_find_what_restic_find_finds()
    {
        var first = repository.Snapshots[0];
        await AssertSameAsync(["added.txt", "hello.txt"], new FindOptions { Snapshots = [first.Id] }, expectMatches: true);
        await AssertSameAsync(["added.txt"], new FindOptions { Snapshots = [SnapshotReference.Latest] }, expectMatches: true);
        await AssertSameAsync(["*.txt"], new FindOptions { Filter = new SnapshotFilter { Tags = ["second"] } }, expectMatches: true);
        await AssertSameAsync(["*.txt"], new FindOptions { Snapshots = [SnapshotReference.Latest], Filter = new SnapshotFilter { Tags = [""] } }, expectMatches: true);
        await AssertSameAsync(["*.txt"], new FindOptions { Filter = new SnapshotFilter { HostNames = ["no-such-host"] } });

        await using var reader = await OpenAsync();
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(async () => await reader.FindAsync(["*"], new FindOptions { Snapshots = [SnapshotReference.Parse("deadbeef")] }).ToResultsAsync());
    }

    [Fact]
    public async Task A_malformed_pattern_is_refused_before_anything_runs()
    {
        await using var reader = await OpenAsync();
        foreach (var pattern in new[] { "[", "a[b", "[]", "[a-]", "trailing\\" })
        {
            Assert.Throws<ArgumentException>(() => repository.Client.FindAsync([pattern]));
            await Assert.ThrowsAsync<ArgumentException>(async () => await reader.FindAsync([pattern]).ToResultsAsync());
        }
    }

    [Fact]
    public async Task Each_snapshot_is_searched_though_its_subtrees_were_seen_in_another()
    {
        // The second snapshot shares every unchanged folder with the first: its matches there must still be reported.
        await using var reader = await OpenAsync();
        var results = await reader.FindAsync(["deep.txt"]).ToResultsAsync();
        Assert.Equal(repository.Snapshots.Select(s => s.Id), results.Select(r => r.SnapshotId));
        Assert.All(results, r => Assert.Single(r.Matches));
        Assert.Equal(results[0].Matches, results[1].Matches);
    }

    private async Task AssertSameAsync(string[] patterns, FindOptions options, bool expectMatches = false)
    {
        var cli = await repository.Client.FindAsync(patterns, options).ToResultsAsync();
        await using var reader = await OpenAsync();
        var native = await reader.FindAsync(patterns, options).ToResultsAsync();
        if (expectMatches)
        {
            Assert.NotEmpty(cli); // the case is worth comparing
        }

        if (repository.Version.Version < InodeVersion)
        {
            native = native.Select(r => r with { Matches = r.Matches.Select(node => node with { Inode = null }).ToArray() }).ToList();
        }

        // restic's snapshot order changed in 0.16 and 0.18; the reader goes oldest first.
        var found = native.Select(r => r.SnapshotId).ToHashSet();
        Assert.Equal(repository.Snapshots.Select(s => s.Id).Where(found.Contains), native.Select(r => r.SnapshotId));
        Assert.Equal(cli.Select(r => r.SnapshotId.Value).Order(StringComparer.Ordinal), native.Select(r => r.SnapshotId.Value).Order(StringComparer.Ordinal));
        foreach (var expected in cli)
        {
            var actual = native.Single(r => r.SnapshotId == expected.SnapshotId);
            Assert.Equal(expected.Matches.Select(node => node.Path), actual.Matches.Select(node => node.Path));
            Assert.Equal(expected.Matches, actual.Matches);
            Assert.Equal(expected.Hits, actual.Hits);
        }
    }

    private Task<ResticRepositoryReader> OpenAsync() => ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
}

public sealed class FormatVersion1FindConformanceTests(FormatVersion1Repository repository) : FindConformanceTests<FormatVersion1Repository>(repository);

public sealed class FormatVersion2FindConformanceTests(FormatVersion2Repository repository) : FindConformanceTests<FormatVersion2Repository>(repository);

[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class S3FindConformanceTests(S3ConformanceRepository repository) : FindConformanceTests<S3ConformanceRepository>(repository);
