namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// Six snapshots of one source folder for the file-history tests (format 2). report.txt: "one" in 0, only touched and
/// chmodded in 1, "two" in 2, gone in 3, "two" again in 4 and 5. folder/: x.txt changed in 2, nothing below it changed
/// otherwise. link: retargeted in 3. shape: a file until 2, a folder from 3. Snapshot 5 is of another host.
/// </summary>
public sealed class HistoryRepository : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("restic-net-history-");

    public string Repository => _folder.Combine("repo");

    public string Source => _folder.Combine("src");

    public ResticClient Client { get; private set; } = null!;

    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];

    public ResticPassword Password { get; } = ResticPassword.FromValue(TestRestic.Password);

    public LocalRepository Location => new(Repository);

    public string Cache => _folder.Combine("cache");

    public async Task InitializeAsync()
    {
        var report = Path.Combine(Source, "report.txt");
        var inside = Path.Combine(Source, "folder", "x.txt");
        var link = Path.Combine(Source, "link");
        var shape = Path.Combine(Source, "shape");
        Directory.CreateDirectory(Path.Combine(Source, "folder"));
        await File.WriteAllTextAsync(report, "one\n");
        await File.WriteAllTextAsync(inside, "x\n");
        await File.WriteAllTextAsync(shape, "a file\n");
        File.CreateSymbolicLink(link, "report.txt");
        await TestRestic.RunAsync(Repository, Cache, "init", "--repository-version", "2");
        Client = new ResticClient(TestRestic.Options(Repository, Cache));
        await Client.BackupAsync([Source]);

        File.SetLastWriteTimeUtc(report, new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetUnixFileMode(report, UnixFileMode.UserRead);
        await Client.BackupAsync([Source]);

        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(report, "two\n");
        await File.AppendAllTextAsync(inside, "changed\n");
        await Client.BackupAsync([Source]);

        File.Delete(report);
        File.Delete(link);
        File.CreateSymbolicLink(link, "folder");
        File.Delete(shape);
        Directory.CreateDirectory(shape);
        await Client.BackupAsync([Source]);

        await File.WriteAllTextAsync(report, "two\n");
        await Client.BackupAsync([Source]);
        await Client.BackupAsync([Source], new BackupOptions { HostName = "other-host", Tags = ["other"] });
        Snapshots = await Client.GetSnapshotsAsync();
        Assert.Equal(6, Snapshots.Count);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
