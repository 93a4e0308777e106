namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// A healthy repository whose times <see cref="DateTimeOffset"/> cannot all hold, as restic writes them: files
/// whose mtimes are 0001-01-01T00:00:00Z, 1800-06-01T00:00:00Z and 9999-12-31T23:59:59Z, backed up in time zones
/// whose local mean time (the tz database's offset for such dates) is west of UTC (America/St_Johns, −3:30:52),
/// east of it (Asia/Tokyo, +9:18:59) and beyond ±14 hours (Asia/Manila, −15:56:00), with snapshot times at both
/// ends of the calendar (<c>--time</c>). The source lives on tmpfs (<c>/dev/shm</c>), which stores such times;
/// ext4 stops at 1901.
/// </summary>
public abstract class ExtremeTimesRepository : IAsyncLifetime
{
    private readonly string _root = Path.Combine("/dev/shm", "restic-net-times-" + Guid.NewGuid().ToString("N")[..8]);

    protected ExtremeTimesRepository(int formatVersion) => FormatVersion = formatVersion;

    public int FormatVersion { get; }

    public string Repository => Path.Combine(_root, "repo");

    public string Source => Path.Combine(_root, "src");

    public ResticClient Client { get; private set; } = null!;

    public ResticVersion Version { get; private set; } = null!;

    public LocalRepository Location => new(Repository);

    public ResticPassword Password { get; } = ResticPassword.FromValue(TestRestic.Password);

    /// <summary>The snapshots as restic lists them, by the zone they were taken in.</summary>
    public IReadOnlyDictionary<string, Snapshot> ByZone { get; private set; } = new Dictionary<string, Snapshot>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Source);
        Write("year1.txt", "mtime 0001-01-01T00:00:00Z\n", DateTime.MinValue);
        Write("year1800.txt", "mtime 1800-06-01T00:00:00Z\n", new DateTime(1800, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Write("year9999.txt", "mtime 9999-12-31T23:59:59Z\n", new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc));
        Write("today.txt", "an ordinary file\n", DateTime.UtcNow);

        var cache = Path.Combine(_root, "cache");
        await TestRestic.RunAsync(Repository, cache, "init", "--repository-version", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // restic reads --time in the local zone: year 1 west and east of UTC, year 9999 west of it.
        var backups = new (string Zone, string? Time, string Tag)[]
        {
            ("America/St_Johns", "0001-01-01 00:00:00", "st-johns"),
            ("Asia/Tokyo", "0001-01-01 00:00:00", "tokyo"),
            ("Asia/Manila", null, "manila"),
            ("America/St_Johns", "9999-12-31 23:59:59", "st-johns-9999"),
        };
        foreach (var (zone, time, tag) in backups)
        {
            string[] arguments = time is null ? ["backup", "--tag", tag, Source] : ["backup", "--tag", tag, "--time", time, Source];
            await ResticProcess.RunAsync(Repository, cache, new Dictionary<string, string> { ["TZ"] = zone }, arguments);
        }

        Client = new ResticClient(TestRestic.Options(Repository, cache));
        Version = await Client.GetVersionAsync();
        ByZone = (await Client.GetSnapshotsAsync()).ToDictionary(snapshot => snapshot.Tags.Single(), StringComparer.Ordinal);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private void Write(string name, string content, DateTime mtime)
    {
        var path = Path.Combine(Source, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, mtime);
        File.SetLastAccessTimeUtc(path, mtime);
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(path)); // the file system really holds it
    }
}

public sealed class ExtremeTimesVersion1Repository() : ExtremeTimesRepository(1);

public sealed class ExtremeTimesVersion2Repository() : ExtremeTimesRepository(2);
