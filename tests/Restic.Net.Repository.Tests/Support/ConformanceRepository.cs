using System.Diagnostics;
using System.Text;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// A repository written by the restic under test in one format version, with two snapshots of a source
/// tree that has what listings and dumps must get right: empty and multi-blob files, compressible text,
/// names with spaces, quotes, backslashes and non-ASCII letters, a symlink, a fifo, special permission bits
/// and an empty folder. Shared by the tests of a class; the tests only read it.
/// </summary>
public abstract class ConformanceRepository : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("restic-net-repo-");

    protected ConformanceRepository(int formatVersion) => FormatVersion = formatVersion;

    public int FormatVersion { get; }

    /// <summary>The repository's folder on this machine (for SFTP, the server's folder), which tests copy and damage.</summary>
    public virtual string Repository => _folder.Combine("repo");

    public string Source => _folder.Combine("src");

    public string Cache => _folder.Combine("cache");

    public ResticClient Client { get; private set; } = null!;

    public ResticVersion Version { get; private set; } = null!;

    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];

    public ResticPassword Password { get; } = ResticPassword.FromValue(TestRestic.Password);

    /// <summary>Where the repository is: the local folder <see cref="Repository"/>, or a bucket for a subclass.</summary>
    public virtual ResticRepository Location => new LocalRepository(Repository);

    public virtual async Task InitializeAsync()
    {
        WriteSource(Source);
        await InitRepositoryAsync(FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Client = new ResticClient(ClientOptions());
        Version = await Client.GetVersionAsync();
        await Client.BackupAsync([Source]);

        // A second snapshot: one file changed, one added, a tag.
        await File.AppendAllTextAsync(Path.Combine(Source, "hello.txt"), "changed\n");
        await File.WriteAllTextAsync(Path.Combine(Source, "nested", "added.txt"), "added in the second snapshot\n");
        await Client.BackupAsync([Source], new BackupOptions { Tags = ["second"] });
        Snapshots = await Client.GetSnapshotsAsync();
    }

    public virtual Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Options of a client that runs the restic under test on the repository.</summary>
    public virtual ResticClientOptions ClientOptions() => TestRestic.Options(Repository, Cache);

    /// <summary>Every stored file of the repository with its size and time, relative to the repository's root ("locks/..." for a lock).</summary>
    public virtual Task<string[]> StoredFilesAsync() => Task.FromResult(
        Directory.EnumerateFiles(Repository, "*", SearchOption.AllDirectories)
            .Select(file => $"{Path.GetRelativePath(Repository, file)} {new FileInfo(file).Length} {File.GetLastWriteTimeUtc(file):O}")
            .Order(StringComparer.Ordinal)
            .ToArray());

    /// <summary>Runs <c>restic init --repository-version</c> for the repository.</summary>
    protected virtual Task InitRepositoryAsync(string formatVersion) =>
        TestRestic.RunAsync(Repository, Cache, "init", "--repository-version", formatVersion);

    /// <summary>Copies the repository, for a test that damages its copy.</summary>
    public virtual string CopyTo(string target)
    {
        TestRestic.CopyTree(Repository, target);
        return target;
    }

    private static void WriteSource(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "hello.txt"), "hello\n");
        File.WriteAllBytes(Path.Combine(root, "empty.txt"), []);
        SourceTree.WriteLargeFile(Path.Combine(root, "big.bin"), megabytes: 5);

        // Compressible: stored compressed in format version 2.
        var text = new StringBuilder();
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("line ").Append(i % 97).Append(" of a log that compresses well\n");
        }

        File.WriteAllText(Path.Combine(root, "text.log"), text.ToString());
        File.WriteAllText(Path.Combine(root, "name with spaces.txt"), "spaces\n");
        File.WriteAllText(Path.Combine(root, "quote\"and\\backslash.txt"), "escapes\n");
        File.WriteAllText(Path.Combine(root, "ünïcödé-😀.txt"), "unicode\n");
        File.WriteAllText(Path.Combine(root, "Zebra.txt"), "upper case sorts before lower case\n");

        // Two old modification times, for find's time bounds.
        File.SetLastWriteTimeUtc(Path.Combine(root, "Zebra.txt"), new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(root, "name with spaces.txt"), new DateTime(2015, 6, 7, 8, 9, 10, DateTimeKind.Utc));
        var deep = Path.Combine(root, "nested", "a", "b", "c");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "deep.txt"), "deep\n");
        File.CreateSymbolicLink(Path.Combine(root, "nested", "link"), "../hello.txt");
        Directory.CreateDirectory(Path.Combine(root, "emptydir"));
        var script = Path.Combine(root, "run.sh");
        File.WriteAllText(script, "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.SetUser);
        var shared = Path.Combine(root, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0x3FF | UnixFileMode.StickyBit);
        for (var i = 0; i < 150; i++)
        {
            File.WriteAllText(Path.Combine(shared, $"f{i:D3}.txt"), $"small file {i}\n");
        }

        using var fifo = Process.Start("mkfifo", [Path.Combine(root, "fifo")])!;
        fifo.WaitForExit();
    }
}

public sealed class FormatVersion1Repository() : ConformanceRepository(1);

public sealed class FormatVersion2Repository() : ConformanceRepository(2);
