using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// A time restic writes that <see cref="DateTimeOffset"/> cannot hold (year 0, year 10000 in UTC, an offset beyond
/// ±14 hours) is read on both paths, the reader's and restic's JSON, to the same value: clamped to
/// <see cref="DateTimeOffset.MinValue"/> or <see cref="DateTimeOffset.MaxValue"/>, or given in UTC. Such a
/// repository is healthy: before, every listing of it threw.
/// </summary>
public abstract class ExtremeTimesTests<TRepository>(TRepository repository) : IClassFixture<TRepository>
    where TRepository : ExtremeTimesRepository
{
    private static readonly Version InodeVersion = new(0, 16, 1);

    [Fact]
    public async Task Snapshot_times_at_the_ends_of_the_calendar_are_read_as_restic_lists_them()
    {
        await using var reader = await OpenAsync();
        var native = await reader.GetSnapshotsAsync();
        Assert.Equal(await repository.Client.GetSnapshotsAsync(), native);
        Assert.Equal(4, native.Count);

        // 0001-01-01T00:00:00-03:30 is an instant DateTimeOffset holds, with its offset.
        Assert.Equal(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-210)), repository.ByZone["st-johns"].Time);
        Assert.Equal(TimeSpan.FromMinutes(-210), repository.ByZone["st-johns"].Time.Offset);

        // 0001-01-01T00:00:00+09:18 is before the first instant, 9999-12-31T23:59:59-03:30 after the last.
        Assert.Equal(DateTimeOffset.MinValue, repository.ByZone["tokyo"].Time);
        Assert.Equal(DateTimeOffset.MaxValue, repository.ByZone["st-johns-9999"].Time);

        // Oldest first, as restic lists them, and latest is the year-9999 one.
        Assert.Equal(["tokyo", "st-johns", "manila", "st-johns-9999"], native.Select(snapshot => snapshot.Tags.Single()));
        Assert.Equal(repository.ByZone["st-johns-9999"], await reader.GetSnapshotAsync(SnapshotReference.Latest));
    }

    [Fact]
    public async Task Listings_with_mtimes_out_of_range_equal_restic_ls_and_every_file_reads()
    {
        await using var reader = await OpenAsync();
        foreach (var snapshot in repository.ByZone.Values)
        {
            var cli = await repository.Client.GetNodesAsync(snapshot.Id).ToListAsync();
            var native = await reader.GetNodesAsync(snapshot.Id).ToListAsync();
            if (repository.Version.Version < InodeVersion)
            {
                native = native.Select(node => node with { Inode = null }).ToList();
            }

            Assert.Equal(cli, native);
            foreach (var file in native.Where(node => node.Type == NodeType.File))
            {
                await using var stream = await reader.OpenFileAsync(snapshot.Id, file.Path);
                Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), await Bytes.ReadAllAsync(stream), file.Path);
            }
        }
    }

    [Fact]
    public async Task Each_out_of_range_mtime_is_clamped_or_given_in_UTC()
    {
        await using var reader = await OpenAsync();
        async Task<DateTimeOffset> MtimeAsync(string zone, string name) =>
            (await reader.GetNodesAsync(repository.ByZone[zone].Id).ToListAsync()).Single(node => node.Name == name).ModificationTime;

        // restic stores 0000-12-31T20:29:08-03:30 (St John's) and 0000-12-31T08:03:52-15:56 (Manila): year 0.
        Assert.Equal(DateTimeOffset.MinValue, await MtimeAsync("st-johns", "year1.txt"));
        Assert.Equal(DateTimeOffset.MinValue, await MtimeAsync("manila", "year1.txt"));

        // 0001-01-01T09:18:59+09:18 (Tokyo): 59 s after the first instant (Go drops the offset's seconds), kept as is.
        var tokyo = await MtimeAsync("tokyo", "year1.txt");
        Assert.Equal(new DateTimeOffset(1, 1, 1, 9, 18, 59, new TimeSpan(9, 18, 0)), tokyo);
        Assert.Equal(new TimeSpan(9, 18, 0), tokyo.Offset);

        // 1800-05-31T08:03:52-15:56 (Manila): an offset DateTimeOffset cannot hold, so the same instant in UTC.
        var manila = await MtimeAsync("manila", "year1800.txt");
        Assert.Equal(new DateTimeOffset(1800, 5, 31, 23, 59, 52, TimeSpan.Zero), manila);
        Assert.Equal(TimeSpan.Zero, manila.Offset);

        // 9999-12-31T20:29:59-03:30 (St John's) is representable; restic moves Tokyo's year 10000 back to 9999.
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 20, 29, 59, TimeSpan.FromMinutes(-210)), await MtimeAsync("st-johns", "year9999.txt"));
        Assert.Equal(new DateTimeOffset(9999, 1, 1, 8, 59, 59, TimeSpan.FromHours(9)), await MtimeAsync("tokyo", "year9999.txt"));
    }

    private Task<ResticRepositoryReader> OpenAsync() => ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
}

public sealed class FormatVersion1ExtremeTimesTests(ExtremeTimesVersion1Repository repository) : ExtremeTimesTests<ExtremeTimesVersion1Repository>(repository);

public sealed class FormatVersion2ExtremeTimesTests(ExtremeTimesVersion2Repository repository) : ExtremeTimesTests<ExtremeTimesVersion2Repository>(repository);
