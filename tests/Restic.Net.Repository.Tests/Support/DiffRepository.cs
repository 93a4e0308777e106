using System.Diagnostics;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// A repository with three snapshots of one source folder for the diff tests. From the first to the second: files
/// added, removed, modified, touched and chmodded; a file replaced by a folder and a folder by a file; a folder with
/// contents added and one removed; a symlink retargeted, a hard link added; a new file whose content a kept folder
/// already holds (its blobs are common, not added); names with spaces, quotes, non-ASCII letters, bytes that are not
/// UTF-8, and names whose UTF-8 and UTF-16 orders differ. A large folder stays unchanged throughout. The third
/// snapshot changes one file deep in the large folder and removes another folder.
/// </summary>
public abstract class DiffRepository : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("restic-net-diff-");

    protected DiffRepository(int formatVersion) => FormatVersion = formatVersion;

    public int FormatVersion { get; }

    public string Repository => _folder.Combine("repo");

    public string Source => _folder.Combine("src");

    public ResticClient Client { get; private set; } = null!;

    public ResticVersion Version { get; private set; } = null!;

    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];

    public ResticPassword Password { get; } = ResticPassword.FromValue(TestRestic.Password);

    public LocalRepository Location => new(Repository);

    public async Task InitializeAsync()
    {
        var cache = _folder.Combine("cache");
        WriteFirst(Source);
        await TestRestic.RunAsync(Repository, cache, "init", "--repository-version", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Client = new ResticClient(TestRestic.Options(Repository, cache));
        Version = await Client.GetVersionAsync();
        await Client.BackupAsync([Source]);
        ChangeToSecond(Source);
        await Client.BackupAsync([Source]);
        ChangeToThird(Source);
        await Client.BackupAsync([Source]);
        Snapshots = await Client.GetSnapshotsAsync();
        Assert.Equal(3, Snapshots.Count);
    }

    public async Task DisposeAsync()
    {
        // .NET cannot name the files that are not UTF-8 to delete them.
        using (var remove = Process.Start("rm", ["-rf", Source])!)
        {
            await remove.WaitForExitAsync();
        }

        _folder.Dispose();
    }

    private static void WriteFirst(string root)
    {
        Directory.CreateDirectory(root);
        var keep = Path.Combine(root, "keep");
        SourceTree.WriteSmallFiles(keep, count: 300);
        File.WriteAllText(Path.Combine(root, "modified.txt"), "before\n");
        File.WriteAllText(Path.Combine(root, "touched.txt"), "touched\n");
        File.WriteAllText(Path.Combine(root, "chmodded.txt"), "chmodded\n");
        File.WriteAllText(Path.Combine(root, "removed.txt"), "removed\n");
        File.WriteAllText(Path.Combine(root, "becomes-folder"), "a file first\n");
        Directory.CreateDirectory(Path.Combine(root, "folder-becomes-file"));
        File.WriteAllText(Path.Combine(root, "folder-becomes-file", "inside.txt"), "inside\n");
        var gone = Path.Combine(root, "gone", "sub");
        Directory.CreateDirectory(gone);
        File.WriteAllText(Path.Combine(gone, "g.txt"), "gone\n");
        File.WriteAllText(Path.Combine(root, "gone", "top.txt"), "gone too\n");
        Run("mkfifo", Path.Combine(root, "gone", "pipe"));

        // Removed, though a kept folder holds the same content: its blobs are common.
        File.Copy(Directory.EnumerateFiles(keep, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First(), Path.Combine(root, "duplicate-removed.bin"));
        File.WriteAllText(Path.Combine(root, "name with spaces.txt"), "spaces\n");
        File.WriteAllText(Path.Combine(root, "quote\"and\\backslash.txt"), "escapes\n");
        File.WriteAllText(Path.Combine(root, "ünïcödé-😀.txt"), "unicode\n");
        File.CreateSymbolicLink(Path.Combine(root, "link"), "modified.txt");
        File.WriteAllText(Path.Combine(root, "hard"), "hard linked\n");
        Shell(root, "printf 'first\\n' > \"$(printf 'collide-\\376')\"; printf 'second\\n' > \"$(printf 'collide-\\377')\"");
    }

    private static void ChangeToSecond(string root)
    {
        File.AppendAllText(Path.Combine(root, "modified.txt"), "after\n");
        File.SetLastWriteTimeUtc(Path.Combine(root, "touched.txt"), new DateTime(2010, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        File.SetUnixFileMode(Path.Combine(root, "chmodded.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Delete(Path.Combine(root, "removed.txt"));
        File.Delete(Path.Combine(root, "becomes-folder"));
        Directory.CreateDirectory(Path.Combine(root, "becomes-folder"));
        File.WriteAllText(Path.Combine(root, "becomes-folder", "child.txt"), "a folder now\n");
        Directory.Delete(Path.Combine(root, "folder-becomes-file"), recursive: true);
        File.WriteAllText(Path.Combine(root, "folder-becomes-file"), "a file now\n");
        Run("rm", "-rf", Path.Combine(root, "gone"));
        File.Delete(Path.Combine(root, "duplicate-removed.bin"));
        File.Delete(Path.Combine(root, "name with spaces.txt"));
        File.WriteAllText(Path.Combine(root, "quote\"and\\backslash.txt"), "escapes, changed\n");
        File.Delete(Path.Combine(root, "link"));
        File.CreateSymbolicLink(Path.Combine(root, "link"), "touched.txt");
        Run("ln", Path.Combine(root, "hard"), Path.Combine(root, "hard-too"));
        Shell(root, "rm \"$(printf 'collide-\\376')\"; printf 'changed\\n' > \"$(printf 'collide-\\377')\"");

        // A new folder: names that order differently in UTF-8 and UTF-16, a nested folder, and a file a kept folder already holds.
        var added = Path.Combine(root, "new folder", "deeper");
        Directory.CreateDirectory(added);
        File.WriteAllText(Path.Combine(root, "new folder", "\uFF46ullwidth.txt"), "U+FF46\n");
        File.WriteAllText(Path.Combine(root, "new folder", "😀 emoji.txt"), "U+1F600\n");
        File.WriteAllText(Path.Combine(added, "d.txt"), "deeper\n");
        File.Copy(Directory.EnumerateFiles(Path.Combine(root, "keep"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last(), Path.Combine(root, "duplicate-added.bin"));
        File.WriteAllText(Path.Combine(root, "added.txt"), "added\n");
    }

    private static void ChangeToThird(string root)
    {
        var deep = Directory.EnumerateFiles(Path.Combine(root, "keep"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Skip(7).First();
        File.AppendAllText(deep, "changed in the third snapshot\n");
        Directory.Delete(Path.Combine(root, "becomes-folder"), recursive: true);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void Shell(string folder, string script)
    {
        using var shell = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "cd \"$1\" && " + script, "sh", folder } })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }
}

public sealed class DiffVersion1Repository() : DiffRepository(1);

public sealed class DiffVersion2Repository() : DiffRepository(2);
